// The parse's index of where each meeting and item is in the page, kept by meeting.
// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { ElementIndex } from '../../../lib/agenda/element-index';

function element(text: string): Element {
  const el = document.createElement('li');
  el.textContent = text;
  return el;
}

describe('ElementIndex', () => {
  const heading = element('January 8, 2019');
  const first = element('TokenRequest');
  const second = element('CSR API');

  function indexed(): ElementIndex {
    const index = new ElementIndex();
    const places = index.addMeeting('2019-01-08', heading);
    places.itemKeys.push('2019-01-08/discussion/0a1b2c3d', '2019-01-08/discussion/0a1b2c3d~2');
    places.itemElements.push(first, second);
    index.addMeeting('2019-01-08#2', element('January 8, 2019 (again)'));
    return index;
  }

  it('finds a meeting by its key and an item by its key, through its meeting', () => {
    const index = indexed();
    expect(index.get('2019-01-08')).toBe(heading);
    expect(index.get('2019-01-08/discussion/0a1b2c3d')).toBe(first);
    expect(index.get('2019-01-08/discussion/0a1b2c3d~2')).toBe(second);
    expect(index.get('2019-01-08#2')?.textContent).toBe('January 8, 2019 (again)');
    expect(index.get('2019-01-08/discussion/ffffffff')).toBeUndefined();
    expect(index.get('2019-01-08#2/discussion/0a1b2c3d')).toBeUndefined();
    expect(index.get('2020-01-01')).toBeUndefined();
  });

  it('lists every key, each meeting before its items, in the order they were added', () => {
    expect([...indexed()].map(([key]) => key)).toEqual([
      '2019-01-08',
      '2019-01-08/discussion/0a1b2c3d',
      '2019-01-08/discussion/0a1b2c3d~2',
      '2019-01-08#2',
    ]);
    expect([...indexed()].map(([, el]) => el.textContent)).toEqual([
      'January 8, 2019',
      'TokenRequest',
      'CSR API',
      'January 8, 2019 (again)',
    ]);
  });

  it('forgets a meeting with its items, and takes in the meetings of another index', () => {
    const index = indexed();
    index.deleteMeeting('2019-01-08');
    expect(index.get('2019-01-08')).toBeUndefined();
    expect(index.get('2019-01-08/discussion/0a1b2c3d')).toBeUndefined();
    const reread = new ElementIndex();
    const places = reread.addMeeting('2019-01-08', heading);
    places.itemKeys.push('2019-01-08/discussion/99999999');
    places.itemElements.push(second);
    index.addAll(reread);
    expect(index.get('2019-01-08/discussion/99999999')).toBe(second);
    expect([...index].map(([key]) => key)).toEqual(['2019-01-08#2', '2019-01-08', '2019-01-08/discussion/99999999']);
  });
});
