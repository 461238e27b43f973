// The element the content script adds to the page for a badge or a marker: a custom element marked as ours,
// styled inline with priority (the page's rules for "every element in the article" must not move, hide or
// select it), drawing only inside its own shadow root, where the page's styles cannot reach.
import { OVERLAY_ATTRIBUTE } from './highlight';

export interface OverlayHost {
  host: HTMLElement;
  shadow: ShadowRoot;
}

/** A `tag` element marked `kind`, with `style` set `!important`, and its shadow root. */
export function createOverlayHost(
  doc: Document,
  tag: string,
  kind: string,
  style: Readonly<Record<string, string>>,
  mode: ShadowRootMode,
): OverlayHost {
  const host = doc.createElement(tag);
  host.setAttribute(OVERLAY_ATTRIBUTE, kind);
  for (const [name, value] of Object.entries(style)) host.style.setProperty(name, value, 'important');
  return { host, shadow: host.attachShadow({ mode }) };
}
