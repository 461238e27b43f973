// @vitest-environment happy-dom
// Who the agenda names: counts per person, one spelling each, most named first.
import { describe, expect, it } from 'vitest';
import { peopleOf, personKey } from '../../../lib/panel/people';
import { exactAgenda as agenda, exactMeeting as meeting, exactSection as section } from '../../support/agenda-builder';
import { parseSeed } from './helpers';

describe('peopleOf on a hand-built agenda', () => {
  const small = agenda([
    meeting({
      date: '2018-11-28',
      sections: [
        section('pulls', 'Pulls of note', [
          { text: 'a', people: ['Liggitt'] },
          { text: 'b', people: ['liggitt', 'enj'], children: [{ text: 'c', people: ['liggitt'] }] },
          { text: 'd', people: ['enj', 'ENJ'] }, // one item naming one person twice counts once
        ]),
      ],
    }),
    meeting({
      date: '2018-11-14',
      canceled: true,
      sections: [
        section('other', '', [
          { text: 'e', people: ['Tim Allclair'] },
          { text: 'f', people: ['tim allclair', ' Zed '] },
          { text: 'g', people: ['alice', 'Bob'] },
        ]),
      ],
    }),
  ]);

  it('counts items per person, children and canceled meetings included, with the most frequent spelling', () => {
    expect(peopleOf(small)).toEqual([
      { key: 'liggitt', name: 'liggitt', count: 3 },
      { key: 'enj', name: 'enj', count: 2 },
      { key: 'tim allclair', name: 'Tim Allclair', count: 2 }, // a tie: the spelling written first
      { key: 'alice', name: 'alice', count: 1 },
      { key: 'bob', name: 'Bob', count: 1 },
      { key: 'zed', name: 'Zed', count: 1 },
    ]);
  });

  it('answers an agenda that names no one with an empty list', () => {
    expect(peopleOf(agenda([meeting({ date: '2018-01-10', sections: [section('other', '', ['x'])] })]))).toEqual([]);
  });

  it.each([
    ['liggitt', 'liggitt'],
    ['Liggitt', 'liggitt'],
    [' Saad Ali ', 'saad ali'],
  ])('personKey(%j) = %j', (name, key) => {
    expect(personKey(name)).toBe(key);
  });
});

describe('peopleOf on the seed', () => {
  const people = peopleOf(parseSeed());

  it('puts the most named first, ties by name', () => {
    expect(people.slice(0, 9)).toEqual([
      { key: 'tallclair', name: 'tallclair', count: 11 },
      { key: 'mikedanese', name: 'mikedanese', count: 9 },
      { key: 'liggitt', name: 'liggitt', count: 6 },
      { key: 'ericchiang', name: 'ericchiang', count: 5 },
      { key: 'pbarker', name: 'pbarker', count: 5 },
      { key: 'enj', name: 'enj', count: 4 },
      { key: 'destijl', name: 'destijl', count: 3 },
      { key: 'awly', name: 'awly', count: 2 },
      { key: 'clayton', name: 'Clayton', count: 2 }, // '[Clayton]' in November, '[clayton]' in May
    ]);
  });

  it('names each person once, with a lower-case key, sorted', () => {
    expect(new Set(people.map((p) => p.key)).size).toBe(people.length);
    for (const p of people) expect(p.key).toBe(p.key.toLowerCase());
    for (let i = 1; i < people.length; i++) {
      expect((people[i - 1]?.count ?? 0) >= (people[i]?.count ?? 0)).toBe(true);
    }
    expect(people.find((p) => p.key === 'paris pittman')).toEqual({
      key: 'paris pittman',
      name: 'Paris Pittman',
      count: 1,
    });
  });
});
