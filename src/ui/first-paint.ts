// The pages' HTML already holds the first view (title, panel skeleton, a picture of the map). Rendering the app and
// starting the map is a long stretch of script: run it after the browser has painted that HTML, not before, so a
// reader on a slow phone sees the first view at once. A page in a background tab gets no animation frames, so a
// timer starts the app anyway.
const LATEST_MS = 100;

export function afterFirstPaint(start: () => void): void {
  let started = false;
  const run = () => {
    if (started) return;
    started = true;
    start();
  };
  // A frame callback runs just before that frame is painted; the timer after it runs once it has been.
  requestAnimationFrame(() => setTimeout(run, 0));
  setTimeout(run, LATEST_MS);
}
