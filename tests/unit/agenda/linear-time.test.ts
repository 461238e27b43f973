// Every rule of the parser runs in time linear in its input: the page is untrusted, and the content script
// re-parses it after every change. Each rule meets long runs of every character and token the rules look for;
// ten times the input must cost about ten times the time, never a hundred (a quadratic rule).
import { describe, expect, it } from 'vitest';
import { headingSaysCanceled, lineSaysCanceled } from '../../../lib/agenda/cancel';
import { extractTime, findDate, parseDateHeading, yearIn, yearInAddress } from '../../../lib/agenda/dates';
import {
  docsDocumentId,
  kixLevel,
  readDeclarations,
  readStyleSheet,
  unwrapGoogleRedirect,
} from '../../../lib/agenda/gdocs';
import { fingerprint, normaliseForKey } from '../../../lib/agenda/keys';
import { bareUrls, cleanHref, linksOf } from '../../../lib/agenda/links';
import { isRecordingLine, isTimeLine, withoutSwallowedBullet } from '../../../lib/agenda/meeting';
import {
  actionOwnerIn,
  attendeeLabel,
  attendeesIn,
  leadingColonName,
  mentionsIn,
  peopleIn,
  peopleInTag,
  trailingDashName,
} from '../../../lib/agenda/people';
import { refFromUrl, refsInText, refsOf } from '../../../lib/agenda/refs';
import { isParagraphTitle, sectionKind } from '../../../lib/agenda/sections';
import { agendaId } from '../../../lib/agenda/page-kind';
import { isPlaceholder, normaliseText, oneLine, wordCount } from '../../../lib/agenda/text';
import { findFullDates, namedWeekday } from '../../../lib/agenda/year-inference';
import { pathologicalInputs } from '../../support/pathological';
import { millis, perCall } from '../../support/timing';

const SMALL = 10_000;
const LARGE = 100_000;
/**
 * Ten times the input: linear is 10, quadratic 100. Long strings outgrow the processor's caches and a shared
 * machine adds noise (linear rules measure up to about 30 here): the line is drawn well below quadratic.
 */
const MAX_RATIO = 45;
/** Four times a large input: linear is 4, quadratic 16. */
const CONFIRM_RATIO = 9;
/** Below this a 100,000-character call is too quick to be quadratic, and too quick to time reliably. */
const TOO_QUICK_MS = 3;

const RULES: Record<string, (text: string) => unknown> = {
  sectionKind,
  isParagraphTitle: (t) => isParagraphTitle(t, true, false),
  headingSaysCanceled,
  lineSaysCanceled,
  findDate,
  parseDateHeading,
  extractTime,
  yearIn,
  yearInAddress,
  readStyleSheet,
  readDeclarations,
  kixLevel,
  unwrapGoogleRedirect: (t) => unwrapGoogleRedirect(`https://www.google.com/url?${t}`),
  docsDocumentId,
  cleanHref: (t) => cleanHref(t, 'https://example.com/'),
  cleanHrefAbsolute: (t) => cleanHref(`https://a.io/${t}`, ''),
  bareUrls,
  linksOf: (t) => linksOf(t, [{ href: 'https://a.io/', text: t.slice(0, t.length / 2) }]),
  peopleIn,
  mentionsIn,
  peopleInTagStart: (t) => peopleInTag(`[${t}]`, 'start'),
  peopleInTagEnd: (t) => peopleInTag(`(${t})`, 'end'),
  attendeesIn,
  attendeeLabel,
  actionOwnerIn,
  trailingDashName,
  findFullDates,
  namedWeekday,
  refsInText,
  refFromUrl,
  refsOf: (t) => refsOf(t, [{ href: `https://github.com/o/r/pull/${t}`, text: t }]),
  normaliseText,
  oneLine,
  wordCount,
  isPlaceholder,
  normaliseForKey,
  fingerprint,
  isRecordingLine,
  isTimeLine,
  withoutSwallowedBullet: (t) => withoutSwallowedBullet(`${t}*`),
  leadingColonName,
  agendaId,
};

/** The inputs on which `rule` is not linear, with their timings; a suspect is timed carefully before it is reported. */
function superLinear(rule: (text: string) => unknown, options: { firstOnly?: boolean } = {}): string[] {
  const slow: string[] = [];
  // One input at a time: a heap full of 100,000-character strings makes collections that swamp the timings.
  for (const input of pathologicalInputs()) {
    const text = input.text(LARGE);
    const smallText = input.text(SMALL);
    const largeOnce = millis(() => rule(text));
    if (largeOnce < TOO_QUICK_MS) continue;
    if (largeOnce / millis(() => rule(smallText)) <= MAX_RATIO) continue;
    // A quadratic rule takes seconds here: timing it once is enough.
    if (largeOnce > 1000) {
      slow.push(`${input.name}: ${largeOnce.toFixed(0)} ms for ${LARGE} characters`);
      if (options.firstOnly) break;
      continue;
    }
    const largeMs = perCall(() => rule(text), 5);
    const smallMs = perCall(() => rule(smallText), 5);
    if (largeMs < TOO_QUICK_MS || largeMs / smallMs <= MAX_RATIO) continue;
    // A quick rule's small input fits the processor's caches and its large one does not, which can look
    // quadratic: four times the large input, beyond the caches both, must cost about four times, not sixteen.
    const largerMs = perCall(() => rule(input.text(4 * LARGE)), 3);
    if (largerMs / largeMs > CONFIRM_RATIO) {
      slow.push(`${input.name}: ${smallMs.toFixed(2)} ms → ${largeMs.toFixed(1)} ms → ${largerMs.toFixed(1)} ms`);
      if (options.firstOnly) break;
    }
  }
  return slow;
}

describe('every rule of the parser runs in linear time', () => {
  for (const [name, rule] of Object.entries(RULES)) {
    it(name, () => {
      expect(superLinear(rule)).toEqual([]);
    }, 300_000);
  }
});

describe('the check itself', () => {
  it('catches a rule that backtracks on long runs (the trailing-punctuation rule the parser once had)', () => {
    expect(superLinear((t) => t.replace(/[:.?!*_\s]+$/g, ''), { firstOnly: true })).toHaveLength(1);
  }, 300_000);
});
