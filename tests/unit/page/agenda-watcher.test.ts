// @vitest-environment happy-dom
// The live page's watcher tells the panel of a re-read only when the agenda really changed: a page change
// that reads the same (markup moved around, our own marks) is not news, an edited item is.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AgendaSnapshot } from '../../../lib/messaging/protocol';
import { watchAgenda, type AgendaWatcher } from '../../../lib/page/agenda-watcher';

let watcher: AgendaWatcher | null = null;

afterEach(() => {
  watcher?.stop();
  watcher = null;
});

function page(topic: string): void {
  document.body.innerHTML = `<h2>January 9, 2018</h2><ul><li>${topic}</li><li>Pulls of note</li></ul>`;
}

function itemTexts(snapshot: AgendaSnapshot): string[] {
  return snapshot.agenda?.meetings.flatMap((m) => m.sections.flatMap((s) => s.items.map((i) => i.text))) ?? [];
}

describe('watchAgenda', () => {
  it('says nothing when a re-read finds the same agenda, and tells a real edit once, with a new version', () => {
    page('Token review [@mikedanese]');
    const onChange = vi.fn();
    watcher = watchAgenda(document, onChange);
    expect(watcher.snapshot().status).toBe('agenda');
    expect(watcher.version()).toBe(1);

    // The same text in other markup: the page changed, its agenda did not.
    document.body.innerHTML =
      '<h2>January 9, 2018</h2><ul><li><span>Token review</span> [@mikedanese]</li><li>Pulls of note</li></ul>';
    watcher.refresh();
    expect(onChange).not.toHaveBeenCalled();
    expect(watcher.version()).toBe(1);

    page('Token review [@liggitt]');
    watcher.refresh();
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(watcher.version()).toBe(2);
    expect(itemTexts(onChange.mock.calls[0]![0] as AgendaSnapshot)).toContain('Token review [@liggitt]');
    expect(itemTexts(watcher.snapshot())).toContain('Token review [@liggitt]');

    watcher.refresh();
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('gives the meetings’ headings in the order of the page, which need not be the agenda’s', () => {
    document.body.innerHTML =
      '<h2>March 7, 2018</h2><ul><li>Older</li></ul><h2>March 21, 2018</h2><ul><li>Newest</li></ul>' +
      '<h2>March 14, 2018</h2><ul><li>Between</li></ul>';
    watcher = watchAgenda(document, () => undefined);
    expect(watcher.snapshot().agenda?.meetings.map((m) => m.key)).toEqual(['2018-03-21', '2018-03-14', '2018-03-07']);
    const headings = watcher.meetingElements();
    expect(headings.map((h) => h.key)).toEqual(['2018-03-07', '2018-03-21', '2018-03-14']);
    expect(headings.map((h) => h.element)).toEqual([...document.querySelectorAll('h2')]);
  });
});
