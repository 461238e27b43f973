// @vitest-environment happy-dom
// The panel's word on years the headings do not write: a dotted year on each such meeting, one sentence for all.
import { describe, expect, it } from 'vitest';
import { render } from 'preact';
import { INFERRED_YEAR_TITLE, MeetingDate } from '../../../components/MeetingDate';
import { yearsSentence } from '../../../lib/panel/format';

function html(node: preact.ComponentChild): HTMLElement {
  const host = document.createElement('div');
  render(node, host);
  return host;
}

describe('MeetingDate', () => {
  it('marks an inferred year, and only the year', () => {
    const host = html(<MeetingDate meeting={{ date: '2019-12-11', yearInferred: true }} />);
    expect(host.textContent).toBe('Wed, Dec 11, 2019 (year inferred)');
    const year = host.querySelector('abbr.inferred-year');
    expect(year?.textContent).toBe('2019');
    expect(year?.getAttribute('title')).toBe(INFERRED_YEAR_TITLE);
  });

  it('leaves a written year as it is', () => {
    const host = html(<MeetingDate meeting={{ date: '2019-12-11' }} />);
    expect(host.textContent).toBe('Wed, Dec 11, 2019');
    expect(host.querySelector('abbr')).toBeNull();
  });
});

describe('yearsSentence', () => {
  it('says how many, how they are shown and how they were found', () => {
    expect(
      yearsSentence({ inferred: 26, method: 'today', how: 'from today’s date; every meeting falls on a Wednesday' }),
    ).toBe(
      'Years inferred for 26 meetings (underlined with dots) from today’s date; every meeting falls on a Wednesday.',
    );
    expect(yearsSentence({ inferred: 1, method: 'neighbours', how: 'from the dated headings around them' })).toBe(
      'Year inferred for 1 meeting (underlined with dots) from the dated headings around them.',
    );
  });
});
