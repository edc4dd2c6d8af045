import { CheckList } from '../components/CheckList.tsx';
import { ClaimCard } from '../components/ClaimCard.tsx';
import { ClaimList, listedClaims } from '../components/ClaimList.tsx';
import { LayerPanel } from '../components/LayerPanel.tsx';
import { Legend } from '../components/Legend.tsx';
import { MapPanel } from '../components/MapPanel.tsx';
import { Problems } from '../components/Problems.tsx';
import { Timeline } from '../components/Timeline.tsx';
import { type AppState, urlStateOf } from '../state.ts';
import { STRINGS } from '../ui/strings.ts';
import { serializeUrlState } from '../url-state.ts';
import type { EmbedParams } from './params.ts';

/** The same view in the full app, for readers who want more room. Its own component: it follows every camera move. */
function FullMapLink({ state }: { state: AppState }) {
  const path = `index.html${serializeUrlState(urlStateOf(state), state.manifest)}`;
  // At build time (src/prerender.tsx) there is no document: the page's own render makes the link absolute.
  const href = typeof document === 'undefined' ? path : new URL(path, document.baseURI).href;
  return (
    <a href={href} target="_blank" rel="noopener">
      {STRINGS.embedFullMap}
      <span class="visually-hidden"> {STRINGS.embedNewWindow}</span>
    </a>
  );
}

/**
 * The embed: title, map, then a compact panel in normal flow. Its height never depends on the frame's height (the
 * map's height follows the frame's width), and what loads later takes the space its loading state took: the lists
 * sit in closed <details> whose summaries only change a count.
 */
export function EmbedApp({ state, params }: { state: AppState; params: EmbedParams }) {
  const { controls } = params;
  const claim = state.selectedClaim.value;
  const claimCount = state.storyStatus.value === 'loading' ? null : listedClaims(state).length;
  const checkCount = state.checksStatus.value === 'loading' ? null : (state.checks.value?.length ?? 0);
  // The whole embed is the page's main content (a screen reader's "main" landmark).
  return (
    <main class="embed">
      {controls.title ? (
        <header class="embed-head">
          <h1>{state.manifest.texts.title}</h1>
        </header>
      ) : null}
      <Problems state={state} />
      <MapPanel
        state={state}
        options={{
          cooperativeGestures: params.gestures === 'cooperative',
          navigationControl: controls.zoom,
          tools: 'embed',
        }}
      />
      <div class="embed-panel">
        {/* Reading, not steering: the card takes focus only when the reader is using the frame. */}
        {claim ? <ClaimCard state={state} claimId={claim} takeFocus={() => document.hasFocus()} /> : null}
        {controls.timeline ? <Timeline state={state} /> : null}
        {controls.toggles ? (
          <LayerPanel state={state} legend={controls.legend} counts={false} />
        ) : controls.legend ? (
          <div class="panel-section">
            <Legend story={state.manifest} />
          </div>
        ) : null}
        {controls.claims ? (
          <details class="embed-more">
            <summary>{STRINGS.embedClaimsSummary(claimCount)}</summary>
            <ClaimList state={state} />
          </details>
        ) : null}
        {controls.checks ? (
          <details class="embed-more">
            <summary>{STRINGS.embedChecksSummary(checkCount)}</summary>
            <CheckList state={state} />
          </details>
        ) : null}
        <footer class="embed-foot">
          <p>{state.manifest.texts.sourceLine}</p>
          <FullMapLink state={state} />
        </footer>
      </div>
    </main>
  );
}
