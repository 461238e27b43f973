// @vitest-environment happy-dom
// A re-read of the edited stretches must give what a whole parse of the edited page gives, edit after edit.
import { describe, expect, test } from 'vitest';
import { parseDocument, type ParseResult } from '../../../lib/agenda/parse';
import { type PageReading, readPage, rereadPage } from '../../../lib/agenda/reparse';
import type { SourceKind } from '../../../lib/agenda/model';
import { renderGdocsExport } from '../../../scripts/render/markdown-to-gdocs-export';
import { renderGithubHtml } from '../../../scripts/render/markdown-to-github-html';
import { Random } from '../../../scripts/support/random';
import { readFixture } from '../../support/fixtures';
import { htmlDocument } from './helpers';

const NOW = Date.UTC(2024, 5, 1);

interface Page {
  doc: Document;
  url: string;
  source: SourceKind | undefined;
  root: Element;
}

function githubPage(file: string): Page {
  const doc = htmlDocument(renderGithubHtml(readFixture(`agendas/${file}`), { title: file }));
  const url = `https://github.com/kubernetes/community/blob/master/${file}`;
  return { doc, url, source: 'github-markdown', root: doc.querySelector('article.markdown-body') as Element };
}

function gdocsPage(file: string): Page {
  const doc = htmlDocument(renderGdocsExport(readFixture(`agendas/${file}`), { title: 'Meeting notes' }));
  // A generic address: the page kind is found in the page, as the watcher does for local pages.
  return { doc, url: 'http://127.0.0.1:8000/agenda.html', source: undefined, root: doc.body };
}

/** The result in a comparable form: the agenda, the page order, and every element key with its element. */
function comparable(result: ParseResult): unknown {
  const elements = [...result.elements].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { agenda: JSON.parse(JSON.stringify(result.agenda)), pageOrder: result.pageOrder, elements };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October'];

/** One random edit of the page, as an editor would make it. Returns its name. */
function edit(page: Page, random: Random, yearless: boolean): string {
  const { doc, root } = page;
  const pick = <T>(list: ArrayLike<T>): T | undefined => list[random.int(0, list.length)];
  const units = [...root.children];
  const headings = [...root.querySelectorAll('h2')];
  const items = [...root.querySelectorAll('li')];
  const unitOf = (el: Element): Element => {
    let at = el;
    while (at.parentElement && at.parentElement !== root) at = at.parentElement;
    return at;
  };
  const newMeeting = (): Node[] => {
    const title = doc.createElement('h2');
    const year = random.chance(0.8) ? 2030 + random.int(0, 5) : 2018;
    title.textContent = `${pick(MONTHS)} ${random.int(1, 29)}, ${year}`;
    const list = doc.createElement('ul');
    for (let i = random.int(1, 4); i > 0; i--) {
      const li = doc.createElement('li');
      li.textContent = pick(['Discussion topics', 'Announcements', 'Demo of the thing', 'Recording']) ?? '';
      list.append(li);
    }
    return [title, list];
  };
  const choice = random.int(0, 16);
  switch (choice) {
    case 0:
      root.prepend(...newMeeting());
      return 'meeting at the top';
    case 1: {
      const at = pick(headings);
      if (!at) return 'nothing';
      unitOf(at).before(...newMeeting());
      return 'meeting before a meeting';
    }
    case 2:
      root.append(...newMeeting());
      return 'meeting at the end';
    case 3: {
      const item = pick(items);
      if (!item) return 'nothing';
      item.textContent = `${item.textContent ?? ''} and more`;
      return 'item text';
    }
    case 4: {
      const item = pick(items);
      const text = item && [...item.childNodes].find((n) => n.nodeType === 3);
      const deep = item?.querySelector('span')?.firstChild;
      const node = text ?? deep;
      if (node?.nodeType !== 3) return 'nothing';
      (node as Text).data += ' (edited)';
      return 'item characters';
    }
    case 5: {
      const item = pick(items);
      if (!item) return 'nothing';
      const li = doc.createElement('li');
      li.textContent = pick(['A new topic', '[sig-auth] review', 'Action items', 'fix the build - bob']) ?? '';
      if (random.chance(0.5)) item.before(li);
      else item.after(li);
      return 'new item';
    }
    case 6: {
      const item = pick(items);
      if (!item) return 'nothing';
      item.remove();
      return 'item deleted';
    }
    case 7: {
      const unit = pick(units);
      if (!unit) return 'nothing';
      unit.remove();
      return 'block deleted';
    }
    case 8: {
      const heading = pick(headings);
      if (!heading) return 'nothing';
      heading.textContent = `${pick(MONTHS)} ${random.int(1, 29)}, ${2040 + random.int(0, 5)}`;
      return 'heading date changed';
    }
    case 9: {
      const heading = pick(headings);
      if (!heading) return 'nothing';
      heading.textContent = 'Notes and follow-ups';
      return 'heading no longer a date';
    }
    case 10: {
      const heading = pick(headings);
      if (!heading) return 'nothing';
      const deeper = doc.createElement('h3');
      deeper.textContent = heading.textContent;
      heading.replaceWith(deeper);
      return 'heading one level deeper';
    }
    case 11: {
      const item = pick(items);
      if (!item) return 'nothing';
      item.textContent = `@newcomer${random.int(0, 1000)} will present`;
      return 'someone new named';
    }
    case 12: {
      const unit = pick(units);
      const to = pick(units);
      if (!unit || !to || unit === to) return 'nothing';
      to.after(unit);
      return 'block moved';
    }
    case 13: {
      const unit = pick(units);
      if (!unit) return 'nothing';
      const p = doc.createElement('p');
      p.textContent =
        pick(['Action Items:', 'Canceled', yearless ? 'December 3' : 'December 3, 2052', 'Some notes']) ?? '';
      unit.after(p);
      return 'paragraph';
    }
    case 14: {
      const heading = pick(headings);
      if (!heading) return 'nothing';
      const deeper = doc.createElement('h3');
      deeper.textContent = `${pick(MONTHS)} ${random.int(1, 29)}, 2050`;
      unitOf(heading).after(deeper);
      return 'dated sub-heading';
    }
    default: {
      // Several edits at once, far apart.
      root.prepend(...newMeeting());
      const item = pick(items);
      if (item) item.textContent = `${item.textContent ?? ''}!`;
      return 'edits in two places';
    }
  }
}

function check(file: string, make: (file: string) => Page, seed: number, edits: number, yearless = true): number {
  const page = make(file);
  const options = { now: NOW };
  let reading: PageReading = readPage(page.doc, page.url, page.source, options);
  const observer = new MutationObserver(() => {});
  observer.observe(page.doc.documentElement, { childList: true, subtree: true, characterData: true });
  const random = new Random(seed);
  let partial = 0;
  for (let n = 0; n < edits; n++) {
    const what = edit(page, random, yearless);
    reading = rereadPage(reading, page.doc, page.url, observer.takeRecords(), page.source, options);
    const whole = parseDocument(page.doc, page.url, page.source, options);
    expect(comparable(reading.result), `${file}, edit ${n}: ${what}`).toEqual(comparable(whole));
    if (reading.partial) partial++;
  }
  observer.disconnect();
  return partial;
}

/** Agendas whose headings write their years, and (last) one whose years are inferred: read whole every time. */
const FILES: [string, number][] = [
  ['sig-auth_archive_meeting-notes-2018.md', 40],
  ['sig-auth_archive_meeting-notes-2017.md', 40],
  ['committee-steering_meeting-notes-archive_2019-meeting-notes.md', 40],
  ['sig-storage_archive_meeting-notes-2017.md', 40],
  ['sig-node_archive_meeting-notes-2019.md', 40],
  ['sig-contributor-experience_meeting-notes-archive_2019-meeting-notes.md', 8],
];

describe('re-reading only the edited stretches gives what a whole parse gives', () => {
  for (const [file, edits] of FILES) {
    for (const [name, make] of [
      ['GitHub', githubPage],
      ['Docs export', gdocsPage],
    ] as const) {
      test(`${file} as ${name}`, { timeout: 60_000 }, () => {
        check(file, make, file.length * 31 + name.length, edits);
      });
    }
  }

  test('most edits of an agenda whose headings write their years are re-read in part', { timeout: 60_000 }, () => {
    const partial = check('sig-auth_archive_meeting-notes-2018.md', gdocsPage, 7, 80, false);
    expect(partial).toBeGreaterThan(50);
  });

  test('a meeting added at the top of the page is re-read in part', () => {
    const page = gdocsPage('sig-auth_archive_meeting-notes-2018.md');
    const reading = readPage(page.doc, page.url, page.source, { now: NOW });
    expect(reading.state).not.toBeNull();
    const observer = new MutationObserver(() => {});
    observer.observe(page.doc.documentElement, { childList: true, subtree: true, characterData: true });
    const title = page.doc.createElement('h2');
    title.textContent = 'January 1, 2031';
    const list = page.doc.createElement('ul');
    list.innerHTML = '<li>Discussion topics</li>';
    page.doc.body.prepend(title, list);
    const next = rereadPage(reading, page.doc, page.url, observer.takeRecords(), page.source, { now: NOW });
    observer.disconnect();
    expect(next.partial).toBe(true);
    expect(next.result.agenda.meetings.length).toBe(reading.result.agenda.meetings.length + 1);
    expect(next.result.agenda.meetings[0]?.key).toBe('2031-01-01');
    // The meetings the edit did not touch are the same objects: the comparison with the last snapshot is quick.
    expect(next.result.agenda.meetings[1]).toBe(reading.result.agenda.meetings[0]);
  });
});
