// When the page has shown what was just put in its DOM: after the next frame's style, layout and paint.

/** A frame that does not come by then (a hidden page gets none) is not waited for. */
const NO_FRAME_MS = 100;

/**
 * Resolves after the next painted frame: a task posted from that frame's animation-frame callback runs once the
 * frame is painted. Without frames (a hidden panel, a page with no `requestAnimationFrame`), after `limitMs`.
 */
export function afterNextPaint(limitMs = NO_FRAME_MS): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, limitMs);
    if (typeof requestAnimationFrame !== 'function') return;
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        clearTimeout(timer);
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  });
}
