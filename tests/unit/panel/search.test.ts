// @vitest-environment happy-dom
// Search and filters over a small hand-built agenda (every answer known by hand) and over the seed.
import { describe, expect, it } from 'vitest';
import type { Agenda } from '../../../lib/agenda/model';
import { NO_FILTERS, type Filters } from '../../../lib/panel/filters';
import {
  browseView,
  searchesItems,
  buildSearchIndex,
  filterAgenda,
  groupEntries,
  markMatches,
  queryWords,
  type FilteredView,
  type SearchIndex,
} from '../../../lib/panel/search';
import { exactAgenda as agenda, exactMeeting as meeting, exactSection as section } from '../../support/agenda-builder';
import { parseSeed } from './helpers';

const small: Agenda = agenda([
  meeting({
    date: '2018-11-28',
    title: 'November 28, 2018, 11a - Noon (Pacific Time)',
    sections: [
      section('announcements', 'Announcements', [
        { text: 'TokenRequest API graduates to beta', people: ['liggitt'], refs: ['kubernetes/kubernetes#70000'] },
        'Café meeting with Jürgen',
      ]),
      section('discussion', 'Discussion topics', [
        {
          text: '[@Liggitt] bound service account token request',
          people: ['Liggitt'],
          children: [{ text: 'follow-up on token expiry', people: ['mikedanese'] }],
        },
      ]),
    ],
  }),
  meeting({
    date: '2018-10-31',
    title: 'October 31, 2018',
    canceled: true,
    sections: [section('other', '', ['Canceled for KubeCon'])],
  }),
  meeting({
    date: '2018-10-17',
    title: 'October 17, 2018 - Demo day',
    recording: 'https://youtu.be/abc',
    sections: [
      section('pulls', 'Pulls of note', [
        { text: 'Deprecate ABAC authorizer', people: ['enj'], refs: ['kubernetes/community#911'] },
      ]),
      section('demos', 'Demos', [{ text: 'Vault KMS plugin', people: ['Enj', 'tallclair'] }]),
      section('designs', 'Designs of note', ['Node authorizer — review']),
    ],
  }),
  meeting({
    date: '2018-03-21',
    title: 'March 21, 2018',
    recording: 'https://youtu.be/def',
    sections: [
      section('discussion', 'Discussion', ['token rotation (cont.)']),
      section('action-items', 'Action items', [{ text: 'mikedanese to write KEP', people: ['mikedanese'] }]),
    ],
  }),
]);

/** The texts of the hits, in order. */
function hitTexts(view: FilteredView, index: SearchIndex): string[] {
  if (view.mode !== 'results') throw new Error(`expected results, got ${view.mode}`);
  return view.groups.flatMap((g) => groupEntries(index, view, g).map((h) => h.item.text));
}

function search(index: SearchIndex, filters: Partial<Filters>): FilteredView {
  index.cache = null; // a fresh search each time: the incremental path has its own tests
  return filterAgenda(index, { ...NO_FILTERS, ...filters });
}

describe('queryWords', () => {
  it.each([
    ['token', ['token']],
    ['  Token   REQUEST ', ['token', 'request']],
    ['#911', ['911']],
    ['kubernetes/community#911', ['kubernetes', 'community', '911']],
    ['Jürgen', ['jurgen']],
    ['token token', ['token']],
    ['1.13', ['1', '13']],
    ['snake_case-word', ['snake', 'case', 'word']],
    ['', []],
    ['#  - ', []],
  ])('%j → %j', (query, words) => {
    expect(queryWords(query)).toEqual(words);
  });
});

describe('filterAgenda: search', () => {
  const index = buildSearchIndex(small);

  it.each<[string, string[]]>([
    // word-prefix, not infix
    [
      'token',
      [
        'TokenRequest API graduates to beta',
        '[@Liggitt] bound service account token request',
        'follow-up on token expiry',
        'token rotation (cont.)',
      ],
    ],
    ['oken', []],
    ['request', ['[@Liggitt] bound service account token request']],
    ['tokenreq', ['TokenRequest API graduates to beta']],
    // every word must match (AND), in any order
    ['token request', ['[@Liggitt] bound service account token request']],
    ['request token', ['[@Liggitt] bound service account token request']],
    ['token beta', ['TokenRequest API graduates to beta']],
    ['token nothing', []],
    // case and diacritics
    ['TOKEN REQUEST', ['[@Liggitt] bound service account token request']],
    ['jurgen', ['Café meeting with Jürgen']],
    ['JÜRG cafe', ['Café meeting with Jürgen']],
    // refs
    ['911', ['Deprecate ABAC authorizer']],
    ['#911', ['Deprecate ABAC authorizer']],
    ['community#911', ['Deprecate ABAC authorizer']],
    ['kubernetes/community#911', ['Deprecate ABAC authorizer']],
    ['70000', ['TokenRequest API graduates to beta']],
    ['91', ['Deprecate ABAC authorizer']],
    ['12', []],
    // people, as handles
    ['tallclair', ['Vault KMS plugin']],
    ['ligg', ['TokenRequest API graduates to beta', '[@Liggitt] bound service account token request']],
    ['mikedanese', ['follow-up on token expiry', 'mikedanese to write KEP']],
    // section titles: 'Pulls of note', 'Designs of note'
    ['pulls', ['Deprecate ABAC authorizer']],
    ['note', ['Deprecate ABAC authorizer', 'Node authorizer — review']],
    ['announcements cafe', ['Café meeting with Jürgen']],
    // meeting titles: 'October 17, 2018 - Demo day'
    ['demo day', ['Deprecate ABAC authorizer', 'Vault KMS plugin', 'Node authorizer — review']],
    ['october', ['Canceled for KubeCon', 'Deprecate ABAC authorizer', 'Vault KMS plugin', 'Node authorizer — review']],
    [
      'pacific token',
      [
        'TokenRequest API graduates to beta',
        '[@Liggitt] bound service account token request',
        'follow-up on token expiry',
      ],
    ],
    // separators in the text: '(cont.)', '—', 'follow-up'
    ['cont', ['token rotation (cont.)']],
    ['up', ['follow-up on token expiry']],
    ['review', ['Node authorizer — review']],
  ])('%j', (query, expected) => {
    expect(hitTexts(search(index, { query }), index)).toEqual(expected);
  });

  it('groups the hits by meeting, newest first, in document order, with depth and section', () => {
    const view = search(index, { query: 'token' });
    if (view.mode !== 'results') throw new Error('expected results');
    expect(view.hitCount).toBe(4);
    expect(view.groups.map((g) => g.meetingIndex)).toEqual([0, 3]);
    const entries = view.groups.map((g) => groupEntries(index, view, g));
    expect(entries[0]?.map((h) => [h.depth, h.sectionKind, h.sectionTitle])).toEqual([
      [0, 'announcements', 'Announcements'],
      [0, 'discussion', 'Discussion topics'],
      [1, 'discussion', 'Discussion topics'],
    ]);
    expect(entries[0]?.[1]?.personKeys).toEqual(['liggitt']);
    expect(entries[1]?.map((h) => h.item.text)).toEqual(['token rotation (cont.)']);
  });

  it('gives the same entry object for an item every time, also through a spread copy of the index', () => {
    const view = search(index, { query: 'vault' });
    if (view.mode !== 'results') throw new Error('expected results');
    const hit = groupEntries(index, view, view.groups[0]!)[0];
    expect(hit?.item.text).toBe('Vault KMS plugin');
    expect(index.entries[6]).toBe(hit);
    const copy = { ...index, cache: null };
    expect(hitTexts(filterAgenda(copy, { ...NO_FILTERS, query: 'vault' }), copy)).toEqual(['Vault KMS plugin']);
  });

  it('lists every item, children included, as an entry', () => {
    expect(index.entries.length).toBe(small.meetings.reduce((sum, m) => sum + m.itemCount, 0));
    expect(index.entries.map((e) => e.meetingIndex)).toEqual([0, 0, 0, 0, 1, 2, 2, 2, 3, 3]);
    expect(index.entries.find((e) => e.item.text === 'Vault KMS plugin')?.personKeys).toEqual(['enj', 'tallclair']);
  });
});

describe('filterAgenda: filters combined', () => {
  const index = buildSearchIndex(small);

  it.each<[string, Partial<Filters>, number[]]>([
    ['nothing', {}, [0, 1, 2, 3]],
    ['hide canceled', { hideCanceled: true }, [0, 2, 3]],
    ['with recording', { hasRecording: true }, [2, 3]],
    ['from a month', { from: '2018-10' }, [0, 1, 2]],
    ['until a month', { to: '2018-10' }, [1, 2, 3]],
    ['one month', { from: '2018-10', to: '2018-10' }, [1, 2]],
    ['a range written backwards', { from: '2018-11', to: '2018-03' }, [0, 1, 2, 3]],
    ['a range with no meeting', { from: '2019-01' }, []],
    ['canceled hidden in a range', { from: '2018-10', to: '2018-11', hideCanceled: true }, [0, 2]],
    ['a query of separators only', { query: ' #- ' }, [0, 1, 2, 3]],
  ])('browse mode: %s', (_, filters, meetingIndexes) => {
    expect(search(index, filters)).toEqual({ mode: 'browse', meetingIndexes });
  });

  it.each<[string, Partial<Filters>, string[]]>([
    [
      'a kind alone lists its items',
      { kinds: ['discussion'] },
      ['[@Liggitt] bound service account token request', 'follow-up on token expiry', 'token rotation (cont.)'],
    ],
    ['several kinds', { kinds: ['pulls', 'action-items'] }, ['Deprecate ABAC authorizer', 'mikedanese to write KEP']],
    [
      'a person alone lists the items naming them',
      { person: 'enj' },
      ['Deprecate ABAC authorizer', 'Vault KMS plugin'],
    ],
    [
      'a person key in any case',
      { person: 'Liggitt' },
      ['TokenRequest API graduates to beta', '[@Liggitt] bound service account token request'],
    ],
    [
      'a child names its own people',
      { person: 'mikedanese' },
      ['follow-up on token expiry', 'mikedanese to write KEP'],
    ],
    ['query + kind', { query: 'token', kinds: ['announcements'] }, ['TokenRequest API graduates to beta']],
    [
      'query + person',
      { query: 'token', person: 'liggitt' },
      ['TokenRequest API graduates to beta', '[@Liggitt] bound service account token request'],
    ],
    ['query + range', { query: 'token', from: '2018-01', to: '2018-06' }, ['token rotation (cont.)']],
    ['query + recording', { query: 'token', hasRecording: true }, ['token rotation (cont.)']],
    [
      'query + hide canceled',
      { query: 'october', hideCanceled: true },
      ['Deprecate ABAC authorizer', 'Vault KMS plugin', 'Node authorizer — review'],
    ],
    ['kind + person + recording', { kinds: ['demos'], person: 'tallclair', hasRecording: true }, ['Vault KMS plugin']],
    [
      'everything at once',
      {
        query: 'tok',
        kinds: ['discussion', 'action-items'],
        person: 'mikedanese',
        from: '2018-03',
        to: '2018-12',
        hideCanceled: true,
        hasRecording: false,
      },
      ['follow-up on token expiry'],
    ],
    [
      'everything, nothing left',
      {
        query: 'tok',
        kinds: ['discussion'],
        person: 'mikedanese',
        hasRecording: true,
      },
      [],
    ],
  ])('results mode: %s', (_, filters, expected) => {
    expect(hitTexts(search(index, filters), index)).toEqual(expected);
  });

  it('answers results mode with no hits as an empty list, not as browse mode', () => {
    expect(search(index, { query: 'zzz' })).toEqual({
      mode: 'results',
      hits: new Int32Array(0),
      groups: [],
      hitCount: 0,
    });
  });
});

describe('filterAgenda: incremental narrowing', () => {
  const seed = parseSeed();

  /** Types the query one letter at a time into one index; each answer must equal a fresh search's. */
  function typeAndCompare(query: string, filters: Partial<Filters> = {}): void {
    const incremental = buildSearchIndex(seed);
    const fresh = buildSearchIndex(seed);
    for (let n = 1; n <= query.length; n++) {
      const f = { ...NO_FILTERS, ...filters, query: query.slice(0, n) };
      const typed = filterAgenda(incremental, f);
      fresh.cache = null;
      expect(typed, `after typing ${JSON.stringify(f.query)}`).toEqual(filterAgenda(fresh, f));
    }
  }

  it.each([
    ['token request'],
    ['service account tokens'],
    ['mikedanese token'],
    ['kubernetes/community#1460'],
    ['audit webhook'],
    ['node authorizer'],
  ])('typing %j', (query) => {
    typeAndCompare(query);
  });

  it('typing with other filters on', () => {
    typeAndCompare('token', { kinds: ['discussion'], hideCanceled: true });
    typeAndCompare('webhook', { person: 'tallclair' });
  });

  it('does not narrow from answers that no longer hold: deleting, replacing, changing a filter', () => {
    const index = buildSearchIndex(seed);
    const fresh = (f: Filters) => filterAgenda(buildSearchIndex(seed), f);
    const steps: Filters[] = [
      { ...NO_FILTERS, query: 'tokenr' },
      { ...NO_FILTERS, query: 'token' }, // a letter deleted: more hits than before
      { ...NO_FILTERS, query: 'token', kinds: ['pulls'] },
      { ...NO_FILTERS, query: 'token' }, // the kind cleared
      { ...NO_FILTERS, query: 'tokens' },
      { ...NO_FILTERS, query: 'audit' }, // replaced
      { ...NO_FILTERS, query: 'audit', hideCanceled: true },
      { ...NO_FILTERS, query: 'audit' },
      { ...NO_FILTERS, query: 'audit' }, // the same again
    ];
    for (const f of steps) expect(filterAgenda(index, f), JSON.stringify(f)).toEqual(fresh(f));
  });

  it('on the seed: "token request" finds the items with both words, not TokenRequest', () => {
    const index = buildSearchIndex(seed);
    const view = filterAgenda(index, { ...NO_FILTERS, query: 'token request' });
    expect(hitTexts(view, index)).toEqual([
      'Token could be fetched/requested, or injected',
      'Expressing request for expiring vs non-expiring token',
    ]);
    if (view.mode !== 'results') throw new Error('expected results');
    expect(view.groups.map((g) => seed.meetings[g.meetingIndex]?.key)).toEqual(['2018-06-13', '2018-01-24']);
  });

  it('on the seed: a ref as written in the text and as a canonical ref', () => {
    const index = buildSearchIndex(seed);
    expect(hitTexts(filterAgenda(index, { ...NO_FILTERS, query: 'community#1460' }), index)).toEqual([
      'Status of TokenRequest proposal kubernetes/community#1460',
    ]);
  });
});

describe('markMatches', () => {
  it.each<[string, string[], [string, boolean][]]>([
    [
      'Token request for tokens',
      ['token'],
      [
        ['Token', true],
        [' request for ', false],
        ['token', true],
        ['s', false],
      ],
    ],
    ['mytoken is not a match', ['token'], [['mytoken is not a match', false]]],
    [
      'token request',
      ['token', 'request'],
      [
        ['token', true],
        [' ', false],
        ['request', true],
      ],
    ],
    [
      'TokenRequest',
      ['tok', 'tokenr'],
      [
        ['TokenR', true],
        ['equest', false],
      ],
    ],
    [
      'Jürgen and Jurgen',
      ['jur'],
      [
        ['Jür', true],
        ['gen and ', false],
        ['Jur', true],
        ['gen', false],
      ],
    ],
    [
      'Ju\u0308rgen',
      ['ju'],
      [
        ['Ju\u0308', true],
        ['rgen', false],
      ],
    ],
    ['Café', ['CAFE'], [['Café', true]]],
    [
      'kubernetes/community#911',
      ['911'],
      [
        ['kubernetes/community#', false],
        ['911', true],
      ],
    ],
    [
      'kubernetes/community#911',
      queryWords('community#911'),
      [
        ['kubernetes/', false],
        ['community', true],
        ['#', false],
        ['911', true],
      ],
    ],
    [
      '(@liggitt)',
      ['lig'],
      [
        ['(@', false],
        ['lig', true],
        ['gitt)', false],
      ],
    ],
    ['no words given', [], [['no words given', false]]],
    ['', ['token'], []],
  ])('%j with %j', (text, words, expected) => {
    const segments = markMatches(text, words);
    expect(segments.map((s) => [s.text, s.match])).toEqual(expected);
    expect(segments.map((s) => s.text).join('')).toBe(text);
  });
});

describe('browsing without a search index', () => {
  it('needs the index only when a filter looks at items', () => {
    expect(searchesItems(NO_FILTERS)).toBe(false);
    expect(searchesItems({ ...NO_FILTERS, query: '  ,, ' })).toBe(false);
    expect(searchesItems({ ...NO_FILTERS, hideCanceled: true, from: '2018-01' })).toBe(false);
    expect(searchesItems({ ...NO_FILTERS, query: 'tok' })).toBe(true);
    expect(searchesItems({ ...NO_FILTERS, kinds: ['pulls'] })).toBe(true);
    expect(searchesItems({ ...NO_FILTERS, person: 'liggitt' })).toBe(true);
  });

  it('answers browse mode as filterAgenda does', () => {
    const index = buildSearchIndex(small);
    for (const f of [
      NO_FILTERS,
      { ...NO_FILTERS, hideCanceled: true },
      { ...NO_FILTERS, from: '2018-03', to: '2018-01' },
    ]) {
      expect(browseView(small.meetings, f)).toEqual(filterAgenda(index, f));
    }
  });
});

describe('a letter that changes nothing', () => {
  it('gives the very same view, so that nothing after it is rebuilt', () => {
    const index = buildSearchIndex(small);
    const first = filterAgenda(index, { ...NO_FILTERS, query: 'vaul' });
    const second = filterAgenda(index, { ...NO_FILTERS, query: 'vault' });
    expect(second).toBe(first);
    expect(filterAgenda(buildSearchIndex(small), { ...NO_FILTERS, query: 'vault' })).toEqual(second);
  });
});
