// Markdown → a page shaped like GitHub's rendering of a file in a repository: the content inside
// `<article class="markdown-body">`, each heading wrapped as GitHub wraps it, with the jump anchor
// `user-content-<slug>` beside it, `~~struck~~` as `<del>`, inline HTML passed through.
// For tests, the demo page and the command line; not part of the extension.
import MarkdownIt from 'markdown-it';

export interface GithubHtmlOptions {
  /** The page `<title>`; GitHub's is "<path> at <branch> · <owner>/<repo>". */
  title?: string;
}

/** GitHub's heading slug: lower case, punctuation dropped, spaces to hyphens, `-1`, `-2` … on repeats. */
export function githubSlug(text: string, seen: Map<string, number>): string {
  const base = text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
  const count = seen.get(base) ?? 0;
  seen.set(base, count + 1);
  return count === 0 ? base : `${base}-${count}`;
}

export function renderGithubBody(markdown: string): string {
  const md = new MarkdownIt({ html: true, linkify: false });
  const slugs = new Map<string, number>();
  md.renderer.rules.s_open = () => '<del>';
  md.renderer.rules.s_close = () => '</del>';
  md.renderer.rules.heading_open = (tokens, idx) => {
    const token = tokens[idx];
    const inline = tokens[idx + 1];
    const text =
      inline?.children?.map((t) => (t.type === 'text' || t.type === 'code_inline' ? t.content : '')).join('') ?? '';
    const slug = githubSlug(text, slugs);
    if (token) token.meta = { slug, text };
    return `<div class="markdown-heading" dir="auto"><${token?.tag ?? 'h2'} tabindex="-1" class="heading-element">`;
  };
  md.renderer.rules.heading_close = (tokens, idx) => {
    const close = tokens[idx];
    const open = tokens[idx - 2];
    const meta = (open?.meta ?? { slug: '', text: '' }) as { slug: string; text: string };
    const label = md.utils.escapeHtml(`Permalink: ${meta.text}`);
    const slug = md.utils.escapeHtml(meta.slug);
    return (
      `</${close?.tag ?? 'h2'}><a id="user-content-${slug}" class="anchor" aria-label="${label}" href="#${slug}">` +
      '<svg class="octicon octicon-link" viewBox="0 0 16 16" version="1.1" width="16" height="16" aria-hidden="true"><path d="m7.775 3.275"></path></svg></a></div>\n'
    );
  };
  return md.render(markdown);
}

/** A full HTML page around the rendered markdown. */
export function renderGithubHtml(markdown: string, opts: GithubHtmlOptions = {}): string {
  const title = new MarkdownIt().utils.escapeHtml(opts.title ?? 'README.md');
  return (
    '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">' +
    `<title>${title}</title></head>\n<body>\n<div id="readme" class="Box-body readme blob js-code-block-container p-5 p-xl-6">\n` +
    '<article class="markdown-body entry-content container-lg" itemprop="text">' +
    renderGithubBody(markdown) +
    '</article>\n</div>\n</body></html>\n'
  );
}
