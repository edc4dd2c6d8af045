import { useSignal } from '@preact/signals';
import type { RefObject } from 'preact';
import { DARK, LIGHT, type Palette, sideColour } from '../map/palette.ts';
import type { AppState } from '../state.ts';
import { borderLayer } from '../story/manifest.ts';
import { formatDay } from '../timeline.ts';
import { checksCsv, checksJson, citation, exportFileName, viewClaimsGeoJson } from '../tools/export.ts';
import { formatLength } from '../tools/measure.ts';
import { canvasToPng, drawPoster } from '../tools/poster.ts';
import type { PosterLegendItem, PosterTexts } from '../tools/poster-layout.ts';
import { toolsOf } from '../tools/tools-state.ts';
import { layerLabel, TOOL_STRINGS } from '../ui/strings.ts';
import { isDark } from '../ui/theme.ts';

function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** The active layers, as the layer panel names them. */
function layersText(state: AppState): string {
  const names = [...state.layers.value].map((group) => layerLabel(state.manifest, group));
  return names.join(', ');
}

function dayText(state: AppState): string {
  return TOOL_STRINGS.posterDay(formatDay(state.date.value), state.mode.value === 'day');
}

/** What the picture is about besides the day: the open claim, the drawn check, the reader's measurement. */
function focusLine(state: AppState): string {
  const claim = state.story.value?.claims.find((c) => c.properties.id === state.selectedClaim.value);
  if (claim) return TOOL_STRINGS.posterClaim(claim.properties.summary);
  const check = state.checks.value?.find((c) => c.id === state.selectedCheck.value);
  if (check) return TOOL_STRINGS.posterCheck(check.title);
  const measurement = toolsOf(state).measurement.value;
  if (measurement && measurement.legs.length > 0)
    return TOOL_STRINGS.posterMeasure(formatLength(measurement.totalM));
  return '';
}

function legendItems(state: AppState, palette: Palette): PosterLegendItem[] {
  const on = state.layers.value;
  const m = state.manifest;
  const items: PosterLegendItem[] = m.sides
    .filter((side) => side.positions && on.has(`claims-${side.id}`))
    .map((side) => ({
      label: side.layerLabel,
      colour: sideColour(palette, side),
      symbol: { kind: 'marker', shape: side.marker },
    }));
  m.borderLines.forEach((line, i) => {
    if (on.has(borderLayer(m, line.id)))
      items.push({
        label: line.label,
        colour: palette.border,
        symbol: { kind: 'line', style: i === 0 ? 'solid' : 'dashed' },
      });
  });
  if (on.has('areas'))
    items.push({ label: m.referenceAreas.label, colour: '#6d9bbd', symbol: { kind: 'area' } });
  if (state.selectedCheck.value && on.has('checks'))
    items.push({
      label: layerLabel(m, 'checks'),
      colour: palette.measure,
      symbol: { kind: 'line', style: 'solid' },
    });
  if (state.measure.value.length > 1)
    items.push({
      label: TOOL_STRINGS.posterRuler,
      colour: palette.measure,
      symbol: { kind: 'line', style: 'dashed' },
    });
  return items;
}

/** The basemap's credit, and the credit of each border line shown whose licence asks for one (as on the map). */
function attributionOf(state: AppState): string {
  const m = state.manifest;
  const on = state.layers.value;
  const lines = m.borderLines
    .filter((line) => line.attribution && on.has(borderLayer(m, line.id)))
    .map((line) => line.attribution?.text ?? '');
  return [m.attribution, ...lines].join(' · ');
}

export function posterTexts(state: AppState, palette: Palette): PosterTexts {
  const m = state.manifest;
  const layers = layersText(state);
  return {
    title: m.texts.title,
    subtitle: m.texts.subtitle,
    dayLine: dayText(state),
    layersLine: layers ? TOOL_STRINGS.posterLayers(layers) : TOOL_STRINGS.posterNoLayers,
    legend: legendItems(state, palette),
    focusLine: focusLine(state),
    sourceLine: m.texts.sourceLine,
    attribution: attributionOf(state),
    link: location.href,
  };
}

/** Export: picture, data, figures, citation, print. A modal <dialog> like the Embed one. */
export function ExportDialog({
  state,
  dialog,
  opener,
}: {
  state: AppState;
  dialog: RefObject<HTMLDialogElement | null>;
  opener: RefObject<HTMLButtonElement | null>;
}) {
  const status = useSignal('');
  const tools = toolsOf(state);
  const day = state.date.value;
  const name = (what: string, extension: string) => exportFileName(state.manifest.id, day, what, extension);
  const saved = (file: string) => (status.value = TOOL_STRINGS.exportSaved(file));

  const png = async () => {
    const view = tools.view.value;
    if (!view) return;
    const palette = isDark(state.theme) ? DARK : LIGHT;
    const style = getComputedStyle(document.documentElement);
    const poster = drawPoster(
      view.snapshot(),
      view.cssSize().width,
      posterTexts(state, palette),
      {
        background: style.backgroundColor,
        text: style.color,
        muted: style.getPropertyValue('--muted').trim() || style.color,
      },
      style.fontFamily,
      view.metresPerPixel(),
    );
    const file = name('map', 'png');
    download(await canvasToPng(poster), file);
    saved(file);
  };
  const geojson = () => {
    const view = tools.view.value;
    const data = viewClaimsGeoJson(
      state.listedClaims.value,
      view ? view.viewBounds() : null,
      state.story.value?.claims ?? [],
    );
    const file = name('view-claims', 'geojson');
    download(new Blob([`${JSON.stringify(data, null, 2)}\n`], { type: 'application/geo+json' }), file);
    saved(file);
  };
  const checks = (format: 'csv' | 'json') => {
    const results = state.checks.value;
    if (!results) {
      status.value = TOOL_STRINGS.exportNoChecks;
      return;
    }
    const file = name('checks', format);
    const text = format === 'csv' ? checksCsv(results) : checksJson(results);
    download(new Blob([text], { type: format === 'csv' ? 'text/csv' : 'application/json' }), file);
    saved(file);
  };
  // Read so the citation's link follows the camera (the address bar has already been updated by then).
  void state.camera.value;
  const cite = citation({
    title: state.manifest.texts.title,
    sourceLine: state.manifest.texts.sourceLine,
    dayText: dayText(state),
    layersText: layersText(state) || '—',
    url: typeof location === 'undefined' ? '' : location.href,
    accessed: new Date().toISOString().slice(0, 10),
  });
  const copyCite = async () => {
    try {
      await navigator.clipboard.writeText(cite);
      status.value = TOOL_STRINGS.exportCopied;
    } catch {
      status.value = TOOL_STRINGS.exportCopyFailed;
    }
  };
  const print = () => {
    dialog.current?.close();
    window.print();
  };
  return (
    <dialog
      ref={dialog}
      class="embed-dialog export-dialog"
      aria-labelledby="export-heading"
      aria-describedby="export-intro"
      onClose={() => {
        status.value = '';
        opener.current?.focus();
      }}
    >
      <div class="embed-dialog-body">
        <h2 id="export-heading">{TOOL_STRINGS.exportHeading}</h2>
        <p id="export-intro">{TOOL_STRINGS.exportIntro}</p>
        <div class="export-actions">
          <button type="button" onClick={png}>
            {TOOL_STRINGS.exportPng}
          </button>
          <button type="button" onClick={geojson}>
            {TOOL_STRINGS.exportGeoJson}
          </button>
          <button type="button" onClick={() => checks('csv')}>
            {TOOL_STRINGS.exportChecksCsv}
          </button>
          <button type="button" onClick={() => checks('json')}>
            {TOOL_STRINGS.exportChecksJson}
          </button>
          <button type="button" onClick={print}>
            {TOOL_STRINGS.exportPrint}
          </button>
        </div>
        <label for="export-cite">{TOOL_STRINGS.exportCiteLabel}</label>
        <textarea
          id="export-cite"
          readOnly
          rows={4}
          value={cite}
          onFocus={(event) => event.currentTarget.select()}
        />
        <div class="embed-dialog-actions">
          <button type="button" onClick={copyCite}>
            {TOOL_STRINGS.exportCopyCite}
          </button>
          <span role="status">{status.value}</span>
          <button type="button" onClick={() => dialog.current?.close()}>
            {TOOL_STRINGS.exportClose}
          </button>
        </div>
      </div>
    </dialog>
  );
}
