// Loading the story's data into the app state: shared by the full app (main.tsx) and the embed (embed/main.tsx).
import { batch } from '@preact/signals';
import { loadChecks, loadStory } from './data/load.ts';
import { shownText } from './shown-text.ts';
import { type AppState, boundsOf, dropStaleSelection, frameTo, reportProblem } from './state.ts';

/**
 * Data loads in parallel with the map; each file that fails is reported and the rest keeps working.
 * `checks: false` (an embed that hides the checks) skips measuring the figures altogether.
 */
export function loadAppData(state: AppState, { checks = true }: { checks?: boolean } = {}): void {
  const problem = (message: string) => reportProblem(state, message);
  // A link that opens a claim or a check without a camera of its own shows what it opens, not the first view.
  const framesOpened = state.camera.peek() === null;
  loadStory(state.manifest, document.baseURI, problem)
    .then((story) => {
      state.story.value = story;
      state.storyStatus.value = 'ready';
      dropStaleSelection(state, { claims: story.claims.map((claim) => claim.properties.id) });
      const claim = story.claims.find((c) => c.properties.id === state.selectedClaim.peek());
      const claimBounds = framesOpened && !state.selectedCheck.peek() ? boundsOf(claim?.geometry) : null;
      if (claimBounds) frameTo(state, claimBounds);
      if (!checks) return;
      // Measuring takes the main thread for a moment: do it once the map has drawn (or could not be drawn).
      afterMapSettles(state, () =>
        loadChecks(document.baseURI, story, problem)
          .catch((error: unknown) => {
            problem(`The figures could not be checked: ${shownText(errorText(error), 300)}`);
            return null;
          })
          .then((results) => {
            state.checks.value = results;
            state.checksStatus.value = results ? 'ready' : 'failed';
            if (results) dropStaleSelection(state, { checks: results.map((check) => check.id) });
            const check = results?.find((c) => c.id === state.selectedCheck.peek());
            const bounds = framesOpened ? boundsOf(check?.geometry) : null;
            if (bounds) frameTo(state, bounds);
          }),
      );
    })
    .catch((error: unknown) => {
      // Not expected (the loader reports and drops what is broken), but the page must never stay on "Loading…".
      problem(`The story could not be loaded: ${shownText(errorText(error), 300)}`);
      batch(() => {
        state.storyStatus.value = 'failed';
        state.checksStatus.value = 'failed';
      });
    });
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function afterMapSettles(state: AppState, run: () => void): void {
  const settled = () =>
    state.mapStatus.value !== 'loading' && document.documentElement.dataset.mapState !== 'updating';
  if (settled()) {
    run();
    return;
  }
  const stop = state.mapStatus.subscribe(() => {
    if (!settled()) return;
    stop();
    run();
  });
}
