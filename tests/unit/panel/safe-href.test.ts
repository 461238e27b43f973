// Which page links the panel makes clickable: http(s) only, the same answer when asked again.
import { describe, expect, it } from 'vitest';
import { safeHref } from '../../../lib/panel/safe-href';

describe('safeHref', () => {
  it.each([
    ['https://youtu.be/abc', 'https://youtu.be/abc'],
    ['http://example.com/a b', 'http://example.com/a%20b'],
    ['javascript:alert(1)', null],
    ['data:text/html,hi', null],
    ['not a url', null],
    ['', null],
    [null, null],
    [undefined, null],
  ])('%j → %j, and again', (href, expected) => {
    expect(safeHref(href)).toBe(expected);
    expect(safeHref(href)).toBe(expected);
  });
});
