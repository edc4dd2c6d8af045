import { render } from 'preact';

import { App } from './App.tsx';
import { loadAppData } from './start.ts';
import { createAppState } from './state.ts';
import { STORY } from './story/current.ts';
import './styles.css';
import './tools/tools.css';
import { afterFirstPaint } from './ui/first-paint.ts';
import { applyTheme } from './ui/theme.ts';
import { parseUrlState } from './url-state.ts';
import { syncUrl } from './url-sync.ts';

const { value: initial, warnings } = parseUrlState(location.search, STORY);
for (const warning of warnings) console.warn(warning);

// The full app follows the reader's colour scheme unless the URL says otherwise.
const state = createAppState(initial, STORY, 'auto');
applyTheme(state.theme);
afterFirstPaint(() => {
  // Start fetching the map code now, in parallel with the first render, rather than after it.
  import('./map/map-view.ts');
  const root = document.getElementById('app');
  if (root) render(<App state={state} />, root);
  syncUrl(state);
  loadAppData(state);
});
