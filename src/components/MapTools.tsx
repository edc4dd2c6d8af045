import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import type { AppState } from '../state.ts';
import { toolsOf } from '../tools/tools-state.ts';
import { TOOL_STRINGS } from '../ui/strings.ts';
import { ExportDialog } from './ExportDialog.tsx';
import { MeasurePanel } from './MeasurePanel.tsx';

/** Which tools a page offers: the full app all of them, the embed full screen only. */
export type MapToolsKind = 'all' | 'embed';

/**
 * The map's own tools, over the map: measure, export and full screen; the measuring cross and panel; and the copy
 * of the map that prints in place of its WebGL canvas.
 */
export function MapTools({ state, kind }: { state: AppState; kind: MapToolsKind }) {
  const tools = toolsOf(state);
  const root = useRef<HTMLDivElement>(null);
  const printCopy = useRef<HTMLDivElement>(null);
  const exportDialog = useRef<HTMLDialogElement>(null);
  const exportButton = useRef<HTMLButtonElement>(null);
  const fullscreen = useSignal(false);
  const canFullscreen = typeof document !== 'undefined' && document.fullscreenEnabled;
  const panel = () => root.current?.closest('.map-panel') ?? null;

  useEffect(() => {
    const onChange = () =>
      (fullscreen.value = document.fullscreenElement !== null && document.fullscreenElement === panel());
    // A printed page cannot show a WebGL canvas reliably: put a still copy of the map in its place while printing.
    const beforePrint = () => {
      const view = tools.view.peek();
      const holder = printCopy.current;
      if (!view || !holder) return;
      holder.replaceChildren(view.snapshot());
      // The legend prints open; it closes again after.
      for (const details of document.querySelectorAll<HTMLDetailsElement>('details.legend:not([open])')) {
        details.open = true;
        details.dataset.openedForPrint = '';
      }
    };
    const afterPrint = () => {
      printCopy.current?.replaceChildren();
      for (const details of document.querySelectorAll<HTMLDetailsElement>('details[data-opened-for-print]')) {
        details.open = false;
        delete details.dataset.openedForPrint;
      }
    };
    // Escape ends measuring (the points stay, with their figures), wherever the focus is in the map.
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || !tools.measuring.peek()) return;
      if (!panel()?.contains(document.activeElement)) return;
      tools.measuring.value = false;
      document.getElementById('tool-measure')?.focus();
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('fullscreenchange', onChange);
    window.addEventListener('beforeprint', beforePrint);
    window.addEventListener('afterprint', afterPrint);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('fullscreenchange', onChange);
      window.removeEventListener('beforeprint', beforePrint);
      window.removeEventListener('afterprint', afterPrint);
    };
  }, []);

  const toggleFullscreen = () => {
    const element = panel();
    if (!element) return;
    if (document.fullscreenElement) void document.exitFullscreen();
    else void element.requestFullscreen?.();
  };
  const measuring = tools.measuring.value;
  const showMeasure = kind === 'all' && (measuring || state.measure.value.length > 0);
  return (
    <div ref={root} class="map-tools-layer">
      <fieldset class="map-tools">
        <legend class="visually-hidden">{TOOL_STRINGS.toolsLabel}</legend>
        {kind === 'all' ? (
          <>
            <button
              type="button"
              id="tool-measure"
              aria-pressed={measuring}
              onClick={() => (tools.measuring.value = !measuring)}
            >
              {TOOL_STRINGS.measure}
            </button>
            <button
              type="button"
              ref={exportButton}
              aria-haspopup="dialog"
              onClick={() => exportDialog.current?.showModal()}
            >
              {TOOL_STRINGS.exportButton}
            </button>
          </>
        ) : null}
        {canFullscreen ? (
          <button type="button" aria-pressed={fullscreen.value} onClick={toggleFullscreen}>
            {fullscreen.value ? TOOL_STRINGS.exitFullscreen : TOOL_STRINGS.fullscreen}
          </button>
        ) : null}
      </fieldset>
      {measuring ? <div class="map-crosshair" aria-hidden="true" /> : null}
      {showMeasure ? <MeasurePanel state={state} /> : null}
      <div ref={printCopy} class="map-print-copy" aria-hidden="true" />
      {kind === 'all' ? <ExportDialog state={state} dialog={exportDialog} opener={exportButton} /> : null}
    </div>
  );
}
