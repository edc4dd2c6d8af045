// Keeps the address bar and the app state in step: discrete choices (layers, day, claim, language) push a
// history entry so back and forward work; camera moves replace the current entry so they do not flood history.
import { effect } from '@preact/signals';
import { type AppState, applyUrlState, urlStateOf } from './state.ts';
import { parseUrlState, serializeUrlState, URL_KEYS } from './url-state.ts';

/** The current URL's other parameters (e.g. embed options), which this module must not drop. */
function foreignParams(search: string): URLSearchParams {
  const params = new URLSearchParams(search);
  for (const key of URL_KEYS) params.delete(key);
  return params;
}

function urlFor(state: AppState): string {
  const ours = serializeUrlState(urlStateOf(state), state.manifest);
  const others = foreignParams(location.search).toString();
  const query = [ours.replace(/^\?/, ''), others].filter(Boolean).join('&');
  return `${location.pathname}${query ? `?${query}` : ''}${location.hash}`;
}

export function syncUrl(state: AppState): () => void {
  let lastDiscrete: string | null = null;
  let restoring = false;
  const stopWriting = effect(() => {
    const url = urlFor(state);
    // Compare without the camera: only a change of something else earns a new history entry.
    const discrete = serializeUrlState({ ...urlStateOf(state), camera: null }, state.manifest);
    if (!restoring && url !== `${location.pathname}${location.search}${location.hash}`) {
      // A correction of the state the page was opened with (a stale link) replaces the entry: Back must not
      // return to a link that is corrected again.
      const correction = state.correcting;
      if (lastDiscrete !== null && discrete !== lastDiscrete && !correction) history.pushState(null, '', url);
      else history.replaceState(null, '', url);
    }
    lastDiscrete = discrete;
  });
  const onPopState = () => {
    const { value, warnings } = parseUrlState(location.search, state.manifest);
    for (const warning of warnings) console.warn(warning);
    restoring = true;
    applyUrlState(state, value);
    restoring = false;
  };
  window.addEventListener('popstate', onPopState);
  return () => {
    stopWriting();
    window.removeEventListener('popstate', onPopState);
  };
}
