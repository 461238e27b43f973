// @vitest-environment happy-dom
// Renderings of one agenda are recognised by their content, not their addresses.
import { describe, expect, it } from 'vitest';
import { snapshotOf } from '../../../lib/store/whats-new';
import { sameDocumentIds } from '../../../lib/store/same-document';
import { parseGdocs, parseGithub } from '../agenda/helpers';
import { readSeed, readFixture } from '../../support/fixtures';

const seed = readSeed();
const other = readFixture('agendas/sig-node_archive_meeting-notes-2019.md');
const docs = parseGdocs(seed).agenda;
const github = parseGithub(seed, 'sig-auth/meeting-notes-2018.md').agenda;
const node = parseGithub(other, 'sig-node/meeting-notes-2019.md').agenda;
const at = Date.UTC(2026, 0, 1);

describe('sameDocumentIds', () => {
  it('finds the Google Doc when the GitHub archive of the same meetings is opened, and back', () => {
    expect(docs.id).not.toBe(github.id);
    const snapshots = [snapshotOf(docs.id, docs, at), snapshotOf(node.id, node, at)];
    expect(sameDocumentIds(github.id, github, snapshots)).toEqual([docs.id]);
    expect(sameDocumentIds(docs.id, docs, [snapshotOf(github.id, github, at)])).toEqual([github.id]);
  });

  it('does not join two different agendas', () => {
    expect(sameDocumentIds(node.id, node, [snapshotOf(docs.id, docs, at), snapshotOf(github.id, github, at)])).toEqual(
      [],
    );
  });

  it('finds a year archived out of a longer document', () => {
    const year = { ...docs, id: 'archive', meetings: docs.meetings.slice(0, 8) };
    expect(sameDocumentIds(docs.id, docs, [snapshotOf('archive', year, at)])).toEqual(['archive']);
    expect(sameDocumentIds('archive', year, [snapshotOf(docs.id, docs, at)])).toEqual([docs.id]);
  });

  it('ignores its own snapshot and agendas with nothing in them', () => {
    expect(sameDocumentIds(docs.id, docs, [snapshotOf(docs.id, docs, at)])).toEqual([]);
    const empty = { ...docs, meetings: [] };
    expect(sameDocumentIds('empty', empty, [snapshotOf(docs.id, docs, at)])).toEqual([]);
  });
});
