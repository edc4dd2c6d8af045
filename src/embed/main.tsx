// The embed's entry (embed.html): the map and a compact panel, no site chrome, sized for an iframe.
import { render } from 'preact';

import { loadAppData } from '../start.ts';
import { createAppState } from '../state.ts';
import { STORY } from '../story/current.ts';
import { afterFirstPaint } from '../ui/first-paint.ts';
import { applyTheme } from '../ui/theme.ts';
import '../styles.css';
import '../tools/tools.css';
import './embed.css';
import { reportHeight } from './auto-height.ts';
import { EmbedApp } from './EmbedApp.tsx';
import { connectHost } from './host-bridge.ts';
import { parseEmbedSearch } from './params.ts';

// The app is running: the static "could not start" note in embed.html is not needed.
document.getElementById('embed-fallback')?.remove();

const { url, embed, warnings } = parseEmbedSearch(location.search, STORY);
for (const warning of warnings) console.warn(warning);

// Light unless the URL says otherwise: a dark system must not paint a dark box inside a light article.
const state = createAppState(url, STORY, 'light');
applyTheme(state.theme);
afterFirstPaint(() => {
  // Start fetching the map code now, in parallel with the first render, rather than after it.
  import('../map/map-view.ts');
  const root = document.getElementById('embed');
  if (root) render(<EmbedApp state={state} params={embed} />, root);
  // No syncUrl here: history entries pushed inside an iframe land on the host page's back button, and in an
  // opaque-origin sandbox (sandbox="allow-scripts") pushState/replaceState can throw.
  reportHeight(embed.id);
  connectHost(state, embed);
  loadAppData(state, { checks: embed.controls.checks });
});
