import { useEffect, useRef } from 'preact/hooks';
import { boundsOfPlaces } from './components/AreaShortcuts.tsx';
import { HeaderTools } from './components/HeaderTools.tsx';
import { MapPanel } from './components/MapPanel.tsx';
import { Problems } from './components/Problems.tsx';
import { Sidebar } from './components/Sidebar.tsx';
import { STORY_BOUNDS } from './map/camera.ts';
import type { MapView } from './map/map-view.ts';
import type { AppState } from './state.ts';
import { STRINGS } from './ui/strings.ts';

const reducedMotion = () => window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

export function App({ state }: { state: AppState }) {
  const view = useRef<MapView | null>(null);
  const frame = (places: readonly string[]) => {
    const bounds = places.length ? boundsOfPlaces(state, places) : STORY_BOUNDS;
    view.current?.fitBounds(bounds, reducedMotion());
  };
  useEffect(() => {
    document.documentElement.lang = 'en';
  }, []);
  return (
    <div class="app">
      <header class="app-header">
        <div>
          <h1>{STRINGS.title}</h1>
          <p>{STRINGS.subtitle}</p>
        </div>
        <HeaderTools state={state} />
      </header>
      <Problems state={state} />
      <main class="app-main">
        <Sidebar state={state} reducedMotion={reducedMotion()} onFrame={frame} />
        <MapPanel state={state} onReady={(created) => (view.current = created)} />
      </main>
    </div>
  );
}
