import { render } from 'preact';
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
  return loadChecks(document.baseURI, problem).then((checks) => {
    state.checks.value = checks;
    state.checksStatus.value = checks ? 'ready' : 'failed';
  });
});
