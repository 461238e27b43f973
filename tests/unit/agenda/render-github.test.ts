// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { githubSlug, renderGithubHtml } from '../../../scripts/render/markdown-to-github-html';
import { htmlDocument } from './helpers';
import { readSeed } from '../../support/fixtures';

describe('githubSlug', () => {
  const cases: [string, string][] = [
    ['December 26, 2018, 11a - Noon (Pacific Time)', 'december-26-2018-11a---noon-pacific-time'],
    ['Agenda (2020-12-10)', 'agenda-2020-12-10'],
    ["Eric Tune's view: P1/P2", 'eric-tunes-view-p1p2'],
    ['Ünïcode & émoji 🎉', 'ünïcode--émoji-'],
  ];
  it.each(cases)('%j', (text, slug) => expect(githubSlug(text, new Map())).toBe(slug));

  it('numbers repeats as GitHub does', () => {
    const seen = new Map<string, number>();
    expect(['Attending:', 'Attending:', 'Attending:'].map((t) => githubSlug(t, seen))).toEqual([
      'attending',
      'attending-1',
      'attending-2',
    ]);
  });
});

describe('renderGithubHtml', () => {
  const doc = htmlDocument(renderGithubHtml(readSeed(), { title: 'meeting-notes-2018.md' }));

  it('wraps the file in article.markdown-body under a title', () => {
    expect(doc.title).toBe('meeting-notes-2018.md');
    expect(doc.querySelectorAll('article.markdown-body')).toHaveLength(1);
  });

  it("wraps headings as GitHub does, the anchor's id beside the heading", () => {
    const wrapper = doc.querySelectorAll('article .markdown-heading')[1];
    expect(wrapper?.querySelector('h2.heading-element')?.textContent).toBe(
      'December 26, 2018, 11a - Noon (Pacific Time)',
    );
    const anchor = wrapper?.querySelector('a.anchor');
    expect(anchor?.id).toBe('user-content-december-26-2018-11a---noon-pacific-time');
    expect(anchor?.getAttribute('href')).toBe('#december-26-2018-11a---noon-pacific-time');
    expect(doc.querySelectorAll('article h2')).toHaveLength(26);
  });

  it('renders ~~struck~~ as <del>, nested lists, and inline HTML as is', () => {
    expect(doc.querySelector('h2 > del')?.textContent).toBe('March 7, 2018, 11a - Noon (Pacific Time)');
    expect(doc.querySelectorAll('article ul ul ul ul').length).toBeGreaterThan(0);
    expect(doc.querySelector('span[style="text-decoration:underline;"]')?.textContent).toBe(
      'Features in 1.13 (from 1.12)',
    );
  });

  it('leaves bare URLs as text, as linkify: false asks', () => {
    expect(doc.querySelector('a[href="https://github.com/kubernetes/kubernetes/pull/71174"]')).toBeNull();
  });

  it('escapes the title', () => {
    expect(renderGithubHtml('x', { title: '<script>' })).toContain('<title>&lt;script&gt;</title>');
  });
});
