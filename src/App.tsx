import { HeaderTools } from './components/HeaderTools.tsx';
import { MapPanel } from './components/MapPanel.tsx';
import { Problems } from './components/Problems.tsx';
import { SearchBox } from './components/SearchBox.tsx';
import { Sidebar } from './components/Sidebar.tsx';
import type { AppState } from './state.ts';

export function App({ state }: { state: AppState }) {
  return (
    <div class="app">
      <header class="app-header">
        <div>
          <h1>{state.manifest.texts.title}</h1>
          <p>{state.manifest.texts.subtitle}</p>
        </div>
        <SearchBox state={state} />
        <HeaderTools state={state} />
      </header>
      <Problems state={state} />
      <main class="app-main">
        <Sidebar state={state} />
        <MapPanel state={state} options={{ bottomSheet: true }} />
      </main>
    </div>
  );
}
