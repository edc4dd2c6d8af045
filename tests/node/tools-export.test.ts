// Exports: the view's claims in the story's own format, the checks as CSV (parsed back) and JSON, a citation,
// and the exported picture's layout.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateChecks } from '../../src/checks/evaluate.ts';
import type { ClaimFeature } from '../../src/data/types.ts';
import {
  CHECK_CSV_COLUMNS,
  checksCsv,
  checksJson,
  citation,
  csvField,
  exportFileName,
  viewClaimsGeoJson,
} from '../../src/tools/export.ts';
import { FONT_PX, posterLayout, scaleBar, wrap } from '../../src/tools/poster-layout.ts';
import { checkInputs, story } from './stories.ts';

const claims: ClaimFeature[] = JSON.parse(readFileSync(story.paths.claims, 'utf8')).features;
const results = evaluateChecks(checkInputs(story));

/** A small RFC 4180 reader, to read the CSV back as a spreadsheet would. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

describe('viewClaimsGeoJson', () => {
  it('keeps the listed claims that reach into the view, and statements with no place', () => {
    const view: [number, number, number, number] = [45.5, 40.0, 45.95, 40.35];
    // The first days' claims (a claim answers earlier ones, so these answer nothing later).
    const early = claims.filter((c) => c.properties.statementDate <= '2021-05-14');
    const out = viewClaimsGeoJson(early, view, claims);
    expect(out.features.length).toBeGreaterThan(0);
    expect(out.features.length).toBeLessThan(early.length);
    for (const f of out.features) {
      expect(f.id).toBe((f.properties as { id: string }).id);
      if (f.geometry) {
        const original = claims.find((c) => c.properties.id === f.id);
        expect(f.geometry).toEqual(original?.geometry);
      }
    }
    expect(out.features.some((f) => f.geometry === null)).toBe(true);
    // Without the story's other claims, a claim answering one out of view would point outside the file.
    const withAnswered = viewClaimsGeoJson(claims.slice(-3), null, claims);
    const ids = new Set(withAnswered.features.map((f) => f.id));
    for (const f of withAnswered.features)
      for (const id of (f.properties as { answers: string[] }).answers) expect(ids.has(id), id).toBe(true);
    expect(withAnswered.features.length).toBeGreaterThan(3);
    expect(viewClaimsGeoJson(claims, null).features).toHaveLength(claims.length);
  });
});

describe('checksCsv', () => {
  it('has one row per check with the columns named, and reads back to the same texts', () => {
    const rows = parseCsv(checksCsv(results));
    expect(rows[0]).toEqual([...CHECK_CSV_COLUMNS]);
    expect(rows).toHaveLength(results.length + 1);
    for (const [i, r] of results.entries()) {
      const row = rows[i + 1] as string[];
      expect(row[0]).toBe(r.id);
      expect(row[CHECK_CSV_COLUMNS.indexOf('quote')]).toBe(r.quote ?? '');
      expect(row[CHECK_CSV_COLUMNS.indexOf('summary')]).toBe(r.summary);
    }
  });
  it('defuses a field a spreadsheet would run as a formula, and quotes commas and quotes', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField(-3)).toBe('-3');
    expect(csvField(null)).toBe('');
  });
});

describe('checksJson and citation', () => {
  it('gives the figures without the drawings', () => {
    const parsed = JSON.parse(checksJson(results));
    expect(parsed).toHaveLength(results.length);
    expect(parsed[0].geometry).toBeUndefined();
    expect(parsed[0].measured).toBe(results[0]?.measured);
  });
  it('cites the view with its link and the day it was seen', () => {
    const text = citation({
      title: 'T',
      sourceLine: 'Sources: S.',
      dayText: '3 June 2021',
      layersText: 'a, b',
      url: 'https://x.example/?date=2021-06-03',
      accessed: '2026-12-01',
    });
    expect(text).toBe(
      'T. Map view: 3 June 2021; layers: a, b. Sources: S. https://x.example/?date=2021-06-03 (accessed 2026-12-01).',
    );
    expect(exportFileName('My Story', '2021-06-03', 'view claims', 'geojson')).toBe(
      'my-story-2021-06-03-view-claims.geojson',
    );
  });
});

describe('posterLayout', () => {
  const measure = (text: string, font: keyof typeof FONT_PX) => text.length * FONT_PX[font] * 0.55;
  const texts = {
    title: 'A title long enough to need two lines at this narrow width of the picture',
    subtitle: 'Subtitle',
    dayLine: '3 June 2021',
    layersLine: 'Layers: one, two',
    legend: [
      { label: 'Side one’s claims', colour: '#0072b2', symbol: { kind: 'marker', shape: 'circle' } },
      { label: 'Side two’s claims', colour: '#e69f00', symbol: { kind: 'marker', shape: 'diamond' } },
      { label: 'Border line', colour: '#333333', symbol: { kind: 'line', style: 'dashed' } },
    ],
    focusLine: '',
    sourceLine: 'Source',
    attribution: '© OpenStreetMap contributors',
    link: 'https://x.example/',
  } as const;
  it('puts the map at its own size between header and footer, and every text inside the picture', () => {
    const layout = posterLayout(390, 500, { ...texts, legend: [...texts.legend] }, measure);
    expect(layout.width).toBe(390);
    expect(layout.map).toMatchObject({ x: 0, width: 390, height: 500 });
    expect(layout.map.y).toBeGreaterThan(40);
    expect(layout.height).toBeGreaterThan(layout.map.y + 500 + 60);
    for (const item of layout.items) {
      expect(item.y).toBeGreaterThanOrEqual(0);
      expect(item.y).toBeLessThan(layout.height);
      if (item.kind === 'text')
        expect(item.x + measure(item.text, item.font)).toBeLessThanOrEqual(390 - 16 + 1e-9);
      const inMap = item.y >= layout.map.y && item.y < layout.map.y + layout.map.height;
      expect(inMap).toBe(false);
    }
    const titleLines = layout.items.filter((i) => i.kind === 'text' && i.font === 'title');
    expect(titleLines.length).toBeGreaterThan(1);
  });
  it('wraps at spaces and keeps an over-long word whole', () => {
    expect(wrap('aaa bbb ccc', 7 * 1, 'body', (t) => t.length)).toEqual(['aaa bbb', 'ccc']);
    expect(wrap('abcdefghij', 3, 'body', (t) => t.length)).toEqual(['abcdefghij']);
  });
});

describe('scaleBar', () => {
  it('picks the longest 1-2-5 length that fits, in m or km', () => {
    expect(scaleBar(10, 120)).toEqual({ px: 100, label: '1 km' });
    expect(scaleBar(3, 120)).toEqual({ px: 200 / 3, label: '200 m' });
    expect(scaleBar(50, 120)?.label).toBe('5 km');
    expect(scaleBar(0, 120)).toBeNull();
  });
});
