import { render } from 'preact';

// Start fetching the map code now, in parallel with the first render, rather than after it.
import('./map/map-view.ts');

import { App } from './App.tsx';
import { loadChecks, loadStory } from './data/load.ts';
import { createAppState, reportProblem } from './state.ts';
import './styles.css';
import { parseUrlState } from './url-state.ts';
import { syncUrl } from './url-sync.ts';

const { value: initial, warnings } = parseUrlState(location.search);
for (const warning of warnings) console.warn(warning);

const state = createAppState(initial);
const root = document.getElementById('app');
if (root) render(<App state={state} />, root);
syncUrl(state);

// Data loads in parallel with the map; each file that fails is reported and the rest keeps working.
const problem = (message: string) => reportProblem(state, message);
loadStory(document.baseURI, problem).then((story) => {
  state.story.value = story;
  state.storyStatus.value = 'ready';
  // Measuring takes the main thread for a moment: do it once the map has drawn (or could not be drawn).
  afterMapSettles(() =>
    loadChecks(document.baseURI, problem).then((checks) => {
      state.checks.value = checks;
      state.checksStatus.value = checks ? 'ready' : 'failed';
    }),
  );
});

function afterMapSettles(run: () => void): void {
  const settled = () =>
    state.mapStatus.value !== 'loading' && document.documentElement.dataset.mapState !== 'updating';
  if (settled()) return run();
  const stop = state.mapStatus.subscribe(() => {
    if (!settled()) return;
    stop();
    run();
  });
}
