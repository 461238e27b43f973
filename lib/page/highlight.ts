// A brief highlight over a heading or item after a jump. It is an overlay of our own,
// positioned over the element, so the page's markup and text stay as they were.

export const OVERLAY_ATTRIBUTE = 'data-agenda-overlay';
const HIGHLIGHT_MS = 1600;
// Room above the target, so a sticky page header (GitHub's file bar) does not cover it.
const TOP_MARGIN_PX = 80;

export function isOverlayNode(node: Node): boolean {
  return node instanceof Element && node.hasAttribute(OVERLAY_ATTRIBUTE);
}

export function scrollToAndHighlight(element: Element): void {
  element.scrollIntoView({ block: 'start', behavior: 'instant' });
  const doc = element.ownerDocument;
  const view = doc.defaultView;
  if (!view) return;
  if (view.scrollY > 0) view.scrollBy({ top: -TOP_MARGIN_PX, behavior: 'instant' });
  doc.querySelectorAll(`[${OVERLAY_ATTRIBUTE}="highlight"]`).forEach((old) => old.remove());
  const rect = element.getBoundingClientRect();
  const box = doc.createElement('div');
  box.setAttribute(OVERLAY_ATTRIBUTE, 'highlight');
  Object.assign(box.style, {
    position: 'absolute',
    left: `${rect.left + view.scrollX - 4}px`,
    top: `${rect.top + view.scrollY - 2}px`,
    width: `${rect.width + 8}px`,
    height: `${rect.height + 4}px`,
    background: 'rgba(255, 212, 59, 0.35)',
    outline: '2px solid rgba(212, 167, 44, 0.9)',
    borderRadius: '4px',
    pointerEvents: 'none',
    zIndex: '2147483647',
    transition: 'opacity 400ms ease-out',
  });
  doc.documentElement.appendChild(box);
  view.setTimeout(() => (box.style.opacity = '0'), HIGHLIGHT_MS - 400);
  view.setTimeout(() => box.remove(), HIGHLIGHT_MS);
}
