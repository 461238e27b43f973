// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { parseAgenda } from '../../../lib/agenda/parse';
import { sameJson, sameSnapshot } from '../../../lib/messaging/same-snapshot';
import { snapshotOf } from '../../../lib/page/snapshot';

const cases: [string, unknown, unknown, boolean][] = [
  ['equal primitives', 'a', 'a', true],
  ['different strings', 'a', 'b', false],
  ['number and string', 1, '1', false],
  ['null and object', null, {}, false],
  ['equal arrays', [1, [2, 3]], [1, [2, 3]], true],
  ['arrays of other lengths', [1, 2], [1, 2, 3], false],
  ['array and object', [], {}, false],
  ['object and array', {}, [], false],
  ['key order does not matter', { a: 1, b: 2 }, { b: 2, a: 1 }, true],
  ['a missing key', { a: 1, b: 2 }, { a: 1 }, false],
  ['an extra key', { a: 1 }, { a: 1, b: 2 }, false],
  ['undefined counts as absent (left)', { a: 1, b: undefined }, { a: 1 }, true],
  ['undefined counts as absent (right)', { a: 1 }, { a: 1, b: undefined }, true],
  ['undefined against null', { a: undefined }, { a: null }, false],
  ['nested difference', { m: [{ k: 'x', c: [{ t: 'a' }] }] }, { m: [{ k: 'x', c: [{ t: 'b' }] }] }, false],
];

describe('sameJson', () => {
  it.each(cases)('%s', (_name, a, b, expected) => {
    expect(sameJson(a, b)).toBe(expected);
    expect(sameJson(b, a)).toBe(expected);
  });

  it('agrees with comparing JSON texts on values JSON writes the same way', () => {
    const a = { x: [1, { y: 'z', w: undefined }], v: null };
    const b = JSON.parse(JSON.stringify(a)) as unknown;
    expect(JSON.stringify(a) === JSON.stringify(b)).toBe(true);
    expect(sameJson(a, b)).toBe(true);
  });
});

describe('sameSnapshot', () => {
  const page = (topic: string): Document => {
    const doc = document.implementation.createHTMLDocument('Agenda');
    const heading = doc.createElement('h2');
    heading.textContent = 'January 9, 2018';
    const list = doc.createElement('ul');
    const item = doc.createElement('li');
    item.textContent = topic;
    list.append(item);
    doc.body.append(heading, list);
    return doc;
  };
  const read = (topic: string) => snapshotOf(parseAgenda(page(topic), 'http://127.0.0.1/agenda.html'));

  it('a second read of an unchanged page is the same', () => {
    expect(read('Token review').status).toBe('agenda');
    expect(sameSnapshot(read('Token review [@mikedanese]'), read('Token review [@mikedanese]'))).toBe(true);
  });

  it('an edited item is a change', () => {
    expect(sameSnapshot(read('Token review [@mikedanese]'), read('Token review [@liggitt]'))).toBe(false);
  });
});
