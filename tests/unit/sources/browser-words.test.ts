import { describe, expect, it } from 'vitest';
import { browserWords } from '../../../lib/sources/browser-words';

describe('the words that differ between Chrome and Firefox', () => {
  it('name Firefox’s own prompt, the sidebar, and about:addons', () => {
    const words = browserWords(true);
    expect(words.siteAsk).toMatch(/^Firefox .*prompt under the toolbar/);
    expect(words.siteUnknown).toMatch(/click the Agenda Overlay button.*View › Sidebar/);
    expect(words.siteAccessPlace).toBe('about:addons › Agenda Overlay › Permissions');
  });

  it('name Chrome’s places in Chrome', () => {
    const words = browserWords(false);
    expect(words.siteAsk).toMatch(/^Chrome /);
    expect(words.siteUnknown).not.toMatch(/Firefox|Sidebar/);
    expect(words.siteAccessPlace).toMatch(/^chrome:\/\/extensions/);
  });
});
