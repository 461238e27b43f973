// Groups from the real sigs.yaml snapshot, and how an agenda's address finds its group.
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readGroups, type Group } from '../../../lib/history/groups';
import { archivePathOf, docIdOf, matchGroup, regularMeeting } from '../../../lib/history/match';
import { localSchedule } from '../../../lib/history/schedule';

const SIGS = readFileSync(resolve(import.meta.dirname, '../../fixtures/kubernetes-community/sigs.yaml'), 'utf8');

let read: Group[] = [];
beforeAll(async () => {
  const reading = await readGroups(SIGS);
  if (!reading.ok) throw new Error(reading.problem);
  read = reading.groups;
});
const groups = (): Group[] => read;

describe('readGroups', () => {
  it('reads every kind of group with its chairs and meetings', () => {
    const all = groups();
    const auth = all.find((g) => g.dir === 'sig-auth')!;
    expect(auth.name).toBe('Auth');
    expect(auth.kind).toBe('sig');
    expect(auth.chairs.map((c) => c.github)).toEqual(['aramase', 'micahhausler', 'ritazh']);
    const regular = regularMeeting(auth)!;
    expect(regular).toMatchObject({
      description: 'Regular SIG Meeting',
      day: 'Wednesday',
      time: '11:00',
      tz: 'PT (Pacific Time)',
      url: 'https://zoom.us/j/264572674?pwd=NHVXTm14VktMRi8zRmU0aUt1NE9uQT09',
      recordingsUrl: 'https://www.youtube.com/playlist?list=PL69nYSiGNLP0VMOZ-V7-5AchXTHAQFzJw',
    });
    expect(all.some((g) => g.kind === 'workinggroup')).toBe(true);
    expect(all.some((g) => g.dir === 'committee-steering' && g.kind === 'committee')).toBe(true);
  });

  it('keeps only http(s) links', async () => {
    const reading = await readGroups(`sigs:
  - dir: sig-x
    name: X
    meetings:
      - description: Regular SIG Meeting
        url: javascript:alert(1)
        archive_url: https://docs.google.com/document/d/1abcdefghijklmnopqrstuvwxyz/edit
        recordings_url: data:text/html,hi
`);
    expect(reading.ok && reading.groups[0]!.meetings[0]).toMatchObject({ url: null, recordingsUrl: null });
  });

  it('says in words when the file is not YAML or lists no groups', async () => {
    expect(await readGroups('sigs: [unclosed')).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/not valid YAML/),
    });
    expect(await readGroups('just text')).toEqual({ ok: false, problem: 'sigs.yaml does not list any groups.' });
    expect(await readGroups('sigs:\n  - dir: ../etc\n')).toEqual({
      ok: false,
      problem: 'sigs.yaml does not list any groups.',
    });
  });
});

describe('matchGroup', () => {
  it('finds a live doc by the document id in a meeting archive_url', () => {
    const match = matchGroup(
      groups(),
      'https://docs.google.com/document/d/1woLGRoONE3EBVx-wTb4pvp4CI7tmLZ6lS26VTbosLKM/edit?tab=t.0',
    );
    expect(match?.group.dir).toBe('sig-auth');
    expect(match?.meeting?.description).toBe('Regular SIG Meeting');
    expect(match?.archivePath).toBeNull();
  });

  it('finds a subproject meeting doc and names that meeting', () => {
    const match = matchGroup(
      groups(),
      'https://docs.google.com/document/d/1q74nboAg0GSPcom3kLWCIoWg43Qg3mr306KNL58f2hg/pub',
    );
    expect(match?.group.dir).toBe('sig-auth');
    expect(match?.meeting?.description).toBe('Secrets Store CSI Meeting');
  });

  it('finds a GitHub archive by its path, in either folder layout', () => {
    const all = groups();
    const auth = matchGroup(
      all,
      'https://github.com/kubernetes/community/blob/master/sig-auth/archive/meeting-notes-2018.md',
    );
    expect(auth).toMatchObject({ archivePath: 'sig-auth/archive/meeting-notes-2018.md', group: { dir: 'sig-auth' } });
    const contribex = matchGroup(
      all,
      'https://github.com/kubernetes/community/blob/main/sig-contributor-experience/meeting-notes-archive/2019-meeting-notes.md#top',
    );
    expect(contribex?.group.name).toBe('Contributor Experience');
    expect(contribex?.archivePath).toBe('sig-contributor-experience/meeting-notes-archive/2019-meeting-notes.md');
  });

  it('matches nothing else', () => {
    const all = groups();
    expect(matchGroup(all, 'https://docs.google.com/document/d/1NotAKubernetesDocumentAtAll000/edit')).toBeNull();
    expect(matchGroup(all, 'https://github.com/other/repo/blob/main/sig-auth/archive/notes.md')).toBeNull();
    expect(matchGroup(all, 'https://github.com/kubernetes/community/blob/master/no-such-group/notes.md')).toBeNull();
    expect(archivePathOf('https://evil.example/kubernetes/community/blob/master/sig-auth/archive/x.md')).toBeNull();
    expect(archivePathOf('https://github.com/kubernetes/community/blob/master/sig-auth/../x.md')).toBeNull();
    expect(
      docIdOf('https://docs.google.com.evil.example/document/d/1woLGRoONE3EBVx-wTb4pvp4CI7tmLZ6lS26VTbosLKM/'),
    ).toBeNull();
  });
});

describe('localSchedule', () => {
  const auth = (): NonNullable<ReturnType<typeof regularMeeting>> =>
    regularMeeting(groups().find((g) => g.dir === 'sig-auth')!)!;

  it('converts the regular meeting to the reader zone, summer and winter', () => {
    const winter = localSchedule(auth(), 'Europe/Berlin', new Date('2026-12-01T12:00:00Z'), 'en-GB');
    expect(winter).toMatchObject({ day: 'Wednesday', time: '20:00 CET', frequency: 'biweekly' });
    const summer = localSchedule(auth(), 'Europe/Berlin', new Date('2026-07-01T12:00:00Z'), 'en-GB');
    expect(summer?.time).toBe('20:00 CEST');
  });

  it('moves the weekday when the meeting crosses midnight in the reader zone', () => {
    const tokyo = localSchedule(auth(), 'Asia/Tokyo', new Date('2026-12-01T12:00:00Z'), 'en-GB');
    expect(tokyo).toMatchObject({ day: 'Thursday', time: '04:00 GMT+9' });
  });

  it('gives nothing for a meeting without a readable time', () => {
    expect(localSchedule({ ...auth(), tz: 'Poland' }, 'UTC')).toBeNull();
    expect(localSchedule({ ...auth(), day: 'Someday' }, 'UTC')).toBeNull();
  });
});
