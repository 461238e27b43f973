// Imitations of Google Docs' renderings of one document, for tests: the editor (its DOM shell around canvas
// tiles, with none of the document's text), the published page (/pub) and /mobilebasic, built around the
// body of a Google-Docs-export rendering.

export const DOC_ID = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcd';

/**
 * The editor as the content script meets it: a title, the save indicator, the outline pane, the scrolling
 * pane with canvas tiles. Like Docs, it scrolls when the address's `#heading=` changes. No agenda text.
 */
export function editorFixtureHtml(title: string, headings: { id: string; text: string }[] = []): string {
  const outline = headings
    .map(
      (h) =>
        `<div class="navigation-item" data-heading-id="${h.id}"><div class="navigation-item-content">${escapeText(h.text)}</div></div>`,
    )
    .join('');
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeText(title)} - Google Docs</title>
<style>
  body { margin: 0; font: 13px sans-serif; }
  .docs-titlebar { height: 48px; display: flex; align-items: center; gap: 12px; padding: 0 12px; border-bottom: 1px solid #ddd; }
  .kix-appview-editor { position: absolute; top: 49px; left: 220px; right: 0; bottom: 0; overflow: auto; background: #f9fbfd; }
  .navigation-widget { position: absolute; top: 49px; left: 0; width: 220px; bottom: 0; overflow: auto; }
  .kix-page { width: 816px; height: 1056px; margin: 12px auto; background: white; box-shadow: 0 0 2px #999; }
  canvas { display: block; }
</style></head><body>
<div class="docs-titlebar">
  <input class="docs-title-input" value="${escapeText(title)}" aria-label="Rename">
  <div id="docs-save-indicator-badge" class="docs-save-indicator-badge" aria-label="Saved to Drive">Saved to Drive</div>
</div>
<div class="navigation-widget" role="navigation">${outline}</div>
<div class="kix-appview-editor">
  ${Array.from({ length: 40 }, () => '<div class="kix-page"><canvas class="kix-canvas-tile-content" width="816" height="1056"></canvas></div>').join('')}
</div>
<script>
  // Docs moves to a heading named by the address; the imitation moves its pane by the heading's place in the outline.
  addEventListener('hashchange', () => {
    const m = /^#heading=(h\\.[\\w-]+)$/.exec(location.hash);
    const items = [...document.querySelectorAll('.navigation-item')];
    const index = m ? items.findIndex((item) => item.dataset.headingId === m[1]) : -1;
    if (index >= 0) document.querySelector('.kix-appview-editor').scrollTop = 400 + index * 1000;
  });
</script>
</body></html>`;
}

/** The body of an export, between its `<body …>` and `</body>`, and its `<style>`. */
function partsOf(exportHtml: string): { style: string; body: string } {
  const style = /<style[^>]*>([\s\S]*?)<\/style>/.exec(exportHtml)?.[1] ?? '';
  const body = /<body[^>]*>([\s\S]*)<\/body>/.exec(exportHtml)?.[1] ?? '';
  return { style, body };
}

/** "Publish to web": Docs' banner and header around the document's content. */
export function publishedFixtureHtml(title: string, exportHtml: string): string {
  const { style, body } = partsOf(exportHtml);
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeText(title)}</title><style>${style}</style></head><body>
<div id="banners"><div id="publish-banner"><span id="publish-banner-text">Published using Google Docs</span>
<a href="#">Report abuse</a><a href="#">Learn more</a></div></div>
<div id="header"><div id="title">${escapeText(title)}</div><div id="interval">Updated automatically every 5 minutes</div></div>
<div id="contents"><div class="doc-content">${body}</div></div>
<div id="footer"></div>
</body></html>`;
}

/** /mobilebasic: a plain page with the same content classes. */
export function mobileBasicFixtureHtml(title: string, exportHtml: string): string {
  const { style, body } = partsOf(exportHtml);
  return `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${escapeText(title)}</title><style>${style}</style></head><body>
<div class="app-container"><div class="doc"><div class="doc-content">${body}</div></div></div>
</body></html>`;
}

/** What Google answers a signed-out reader instead of a private document. */
export const SIGN_IN_PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>Sign in - Google Accounts</title></head>
<body><form action="/signin/v2" method="post"><h1>Sign in</h1><p>to continue to Docs</p>
<input type="email" name="identifier" aria-label="Email or phone"><button>Next</button></form></body></html>`;

/** The ids and texts of an export's headings, in document order. */
export function exportHeadings(exportHtml: string): { id: string; text: string }[] {
  return [...exportHtml.matchAll(/<h[1-6][^>]*\bid="(h\.[\w-]+)"[^>]*>([\s\S]*?)<\/h[1-6]>/g)].map((m) => ({
    id: m[1] ?? '',
    text: (m[2] ?? '')
      .replace(/<[^>]+>/g, '')
      .replace(/&amp;/g, '&')
      .replace(/&nbsp;/g, ' ')
      .trim(),
  }));
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}
