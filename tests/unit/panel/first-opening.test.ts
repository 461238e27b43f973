// The panel's first question is asked by a classic script before the panel's code loads; its first read takes
// that answer, once, and only for the tab it was asked of.
import { describe, expect, it } from 'vitest';
import { askOpening, withOpeningAsked } from '../../../lib/panel/first-opening';
import type { PageLink } from '../../../lib/panel/page-link';

/** A link whose first tab is `tab`, answering each request with how many were asked so far. */
function countingLink(tab: number | null = 7) {
  const asked: string[] = [];
  const link: PageLink = {
    initialTab: async () => tab,
    request: (async (tabId: number, request: { type: string }) => {
      asked.push(`${request.type} of ${tabId}`);
      return { answer: asked.length, tabId };
    }) as PageLink['request'],
    onAgendaChanged() {},
    onVisibleMeeting() {},
    onTabChanged() {},
  };
  return { link, asked };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the opening asked early', () => {
  it('is asked at once, and is the answer of the panel’s first read of that tab', async () => {
    const early = countingLink();
    const page = {};
    askOpening(early.link, page);
    await settle();
    expect(early.asked).toEqual(['agenda/open of 7']);

    const panel = countingLink();
    const link = withOpeningAsked(panel.link, page);
    expect(await link.initialTab()).toBe(7);
    expect(await link.request(7, { type: 'agenda/open' })).toEqual({ answer: 1, tabId: 7 });
    expect(panel.asked).toEqual([]);
    // A later read (after an edit) asks again, as does any other call.
    expect(await link.request(7, { type: 'agenda/open' })).toEqual({ answer: 1, tabId: 7 });
    expect(await link.request(7, { type: 'agenda/jump', key: 'k' })).toEqual({ answer: 2, tabId: 7 });
    expect(panel.asked).toEqual(['agenda/open of 7', 'agenda/jump of 7']);
    // The answer is taken once: a second panel state on the same page asks for itself.
    expect(withOpeningAsked(panel.link, page)).toBe(panel.link);
  });

  it('asks the tab the panel reads when the reader switched tabs meanwhile', async () => {
    const page = {};
    askOpening(countingLink(7).link, page);
    const panel = countingLink(9);
    const link = withOpeningAsked(panel.link, page);
    expect(await link.request(9, { type: 'agenda/open' })).toEqual({ answer: 1, tabId: 9 });
    expect(panel.asked).toEqual(['agenda/open of 9']);
  });

  it('leaves the link as it is when nothing was asked, and asks nothing without a tab', async () => {
    const panel = countingLink();
    expect(withOpeningAsked(panel.link, {})).toBe(panel.link);

    const none = countingLink(null);
    const page = {};
    askOpening(none.link, page);
    const link = withOpeningAsked(countingLink(null).link, page);
    expect(await link.initialTab()).toBeNull();
    await settle();
    expect(none.asked).toEqual([]);
  });

  it('hands a refused question to the read that takes it', async () => {
    const refusing: PageLink = {
      ...countingLink().link,
      request: (async () => {
        throw new Error('Could not establish connection. Receiving end does not exist.');
      }) as PageLink['request'],
    };
    const page = {};
    askOpening(refusing, page);
    const link = withOpeningAsked(countingLink().link, page);
    await expect(link.request(7, { type: 'agenda/open' })).rejects.toThrow('Receiving end');
  });
});
