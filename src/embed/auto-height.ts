// Tells the host page the embed's height whenever its layout changes (see height.ts for the formats).
import { createHeightReporter, heightMessages } from './height.ts';

/**
 * Watches the document's size and posts its height to the parent. The embed's layout never depends on the frame's
 * height (no vh, no height:100% chains), so the host resizing the frame cannot feed back into a new height.
 * Returns a cleanup.
 */
export function reportHeight(id: string, win: Window = window): () => void {
  if (win.parent === win) return () => {};
  const root = win.document.documentElement;
  const reporter = createHeightReporter({
    measure: () => root.getBoundingClientRect().height,
    // A height is not sensitive: '*' lets hosts on any origin (and opaque-origin sandboxes) receive it.
    post: (height) => {
      for (const message of heightMessages(id, height, win.location.href))
        win.parent.postMessage(message, '*');
    },
  });
  // In full screen the map leaves the page's flow and the page looks shorter: the frame keeps its height meanwhile
  // (the page comes back to the same height when full screen ends).
  const observer = new ResizeObserver(() => {
    if (!win.document.fullscreenElement) reporter.schedule();
  });
  observer.observe(root);
  return () => {
    observer.disconnect();
    reporter.stop();
  };
}
