// Search: names in every label language and spelling, claims by their words, a result framing where it is.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildSearchIndex, normalizeForSearch, prepareIndex, search } from '../../src/tools/search.ts';
import { story as storyFolder } from './stories.ts';

const read = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
const data = {
  places: read(storyFolder.paths.places).features,
  areas: read(storyFolder.paths.areas).features,
  claims: read(storyFolder.paths.claims).features,
};
const index = prepareIndex(buildSearchIndex(data, (c) => c.properties.claimant));
const first = (q: string) => search(index, q)[0]?.entry;

describe('normalizeForSearch', () => {
  it('drops case, diacritics and punctuation', () => {
    expect(normalizeForSearch('Qaragöl')).toBe('qaragol');
    expect(normalizeForSearch('Kəlbəcər')).toBe('kelbecer');
    expect(normalizeForSearch('Böyük İşıqlı dağı')).toBe('boyuk isiqli dagi');
    expect(normalizeForSearch('  Sev-Lich!! ')).toBe('sev lich');
  });
  it('reads Armenian and Cyrillic in Latin letters', () => {
    expect(normalizeForSearch('Կութ')).toBe('kut');
    expect(normalizeForSearch('Кут')).toBe('kut');
    expect(normalizeForSearch('Սիսիան')).toBe('sisian');
    expect(normalizeForSearch('Кельбаджар')).toBe('kelbadzhar');
  });
});

describe('search', () => {
  it('finds a place by its name in each label language and by its spelling variants', () => {
    for (const q of ['Kut', 'Կութ', 'Кут', 'Zərkənd', 'zerkend', 'Zarkend'])
      expect(first(q)?.id, q).toBe('kut');
    for (const q of ['Kelbajar', 'Karvachar', 'Քարվաճառ', 'Кельбаджар', 'Kəlbəcər', 'kelbecer'])
      expect(first(q)?.id, q).toBe('kalbajar');
    for (const q of ['Black Lake', 'Sev Lich', 'sev-lich', 'Qaragol', 'Սև լիճ']) {
      expect(first(q)?.kind, q).toMatch(/place|area/);
      expect(first(q)?.label, q).toBe('Lake Sev');
    }
  });
  it('puts places before claims that mention them, and finds claims by claimant and quote', () => {
    const results = search(index, 'Verishen');
    expect(results[0]?.entry.id).toBe('verishen');
    expect(results.some((r) => r.entry.kind === 'claim')).toBe(true);
    const byQuote = search(index, '30-percent of the lake');
    expect(byQuote[0]?.entry.id).toBe('am-goris-2021-05-12-verishen');
  });
  it('frames a place with a box around it, and gives no box for a claim without a place', () => {
    const kut = first('Kut');
    const [lon, lat] = data.places.find((p: { id: string }) => p.id === 'kut').geometry.coordinates;
    const [w, s, e, n] = kut?.bounds ?? [0, 0, 0, 0];
    expect(w < lon && lon < e && s < lat && lat < n).toBe(true);
    const placeless = buildSearchIndex(data, () => '').filter((e) => e.kind === 'claim' && e.bounds === null);
    expect(placeless.length).toBeGreaterThan(0);
  });
  it('returns nothing for an empty or punctuation-only query, and no claims for one letter', () => {
    expect(search(index, '')).toEqual([]);
    expect(search(index, ' - ')).toEqual([]);
    expect(search(index, 'k').every((r) => r.entry.kind !== 'claim')).toBe(true);
  });
});
