// What the content script uses of the Google Docs editor's own DOM around its canvas: the scrolling pane, the
// save indicator and title (signs of an edit), the document outline (a way to move when `#heading=` does not),
// and the list of document tabs. Class names are Google's and may change: they live here only, and every use
// degrades to "not found" rather than failing.

export const EDITOR_SHELL = {
  scroller: '.kix-appview-editor',
  saveIndicator: '#docs-save-indicator-badge, .docs-save-indicator-badge',
  titleInput: '.docs-title-input',
  outlineItem: '.navigation-item',
  documentTab: '.chapter-item, [data-tab-id]',
} as const;

const SHELL_WAIT_MS = 60_000;
const SHELL_POLL_MS = 2_000;

/**
 * Calls back after the reader or a collaborator edits as far as the editor lets us see: its save indicator
 * changes ("Saving…", "Saved to Drive") or the title does. The indicator may appear after we start: look for
 * it for a minute.
 */
export function watchEditSignals(doc: Document, onEdit: () => void): () => void {
  const view = doc.defaultView;
  const observer = new MutationObserver(() => onEdit());
  const titleElement = doc.querySelector('title');
  if (titleElement) observer.observe(titleElement, { childList: true, characterData: true, subtree: true });
  const watched = new Set<Element>();
  const started = Date.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const lookForShell = (): void => {
    for (const element of doc.querySelectorAll(`${EDITOR_SHELL.saveIndicator}, ${EDITOR_SHELL.titleInput}`)) {
      if (watched.has(element)) continue;
      watched.add(element);
      observer.observe(element, {
        childList: true,
        characterData: true,
        subtree: true,
        attributes: true,
        attributeFilter: ['aria-label', 'value', 'class'],
      });
    }
    if (watched.size < 2 && Date.now() - started < SHELL_WAIT_MS && view)
      timer = setTimeout(lookForShell, SHELL_POLL_MS);
  };
  lookForShell();
  return () => {
    clearTimeout(timer);
    observer.disconnect();
  };
}

/** Whether the document has several tabs: the address names one other than the first, or the editor lists several. */
export function hasSeveralTabs(doc: Document, tab: string | null): boolean {
  if (tab !== null && tab !== 't.0') return true;
  return doc.querySelectorAll(EDITOR_SHELL.documentTab).length > 1;
}

export function editorScrollTop(doc: Document): number | null {
  const scroller = doc.querySelector(EDITOR_SHELL.scroller);
  return scroller ? scroller.scrollTop : null;
}

function squash(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Clicks the outline entry whose text is the heading's; false when the outline has none (or is not shown). */
export function clickOutlineEntry(doc: Document, headingText: string): boolean {
  const wanted = squash(headingText);
  if (!wanted) return false;
  const entries = [...doc.querySelectorAll<HTMLElement>(EDITOR_SHELL.outlineItem)];
  const entry =
    entries.find((e) => squash(e.textContent) === wanted) ??
    entries.find((e) => squash(e.textContent).startsWith(wanted));
  if (!entry) return false;
  const target = entry.firstElementChild instanceof HTMLElement ? entry.firstElementChild : entry;
  for (const type of ['mousedown', 'mouseup', 'click'] as const) {
    target.dispatchEvent(new MouseEvent(type, { bubbles: true, cancelable: true, view: doc.defaultView }));
  }
  return true;
}
