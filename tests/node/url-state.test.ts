// Engine tests on the made-up fixture story: its layer names, days and languages are what URLs may carry.
// The repository's story adds one thing: old layer names (its layerAliases) still work in links and embeds.
import { describe, expect, it } from 'vitest';
import { layerGroups } from '../../src/story/manifest.ts';
import {
  defaultUrlState,
  parseCamera,
  parseUrlState,
  serializeUrlState,
  type UrlState,
} from '../../src/url-state.ts';
import { fixture, story } from './stories.ts';

const F = fixture.manifest;

describe('URL state (fixture story)', () => {
  it('derives the layer names from the story: each side, places, each border line, areas, checks', () => {
    expect(layerGroups(F)).toEqual([
      'claims-northvale',
      'claims-southmark',
      'claims-monitors',
      'claims-joint',
      'places',
      'border',
      'border-treaty-1921',
      'areas',
      'checks',
    ]);
  });

  it('defaults from the manifest (a border line with shown: false is off), and writes nothing for the defaults', () => {
    const { value, warnings } = parseUrlState('', F);
    expect(value).toEqual(defaultUrlState(F));
    expect(value.layers).not.toContain('border-treaty-1921');
    expect(value.date).toBe('2030-06-30');
    expect(value.lang).toBe('en');
    expect(warnings).toEqual([]);
    expect(serializeUrlState(value, F)).toBe('');
  });

  it('round-trips every field', () => {
    const state: UrlState = {
      layers: ['claims-southmark', 'border', 'border-treaty-1921'],
      date: '2030-02-03',
      mode: 'day',
      claim: 'sm-2030-02-03-positions',
      check: 'meadow-share',
      lang: 'hi',
      camera: { zoom: 11.5, center: [-34.9, 45.06] },
      theme: 'dark',
    };
    const search = serializeUrlState(state, F);
    expect(search).toBe(
      '?layers=claims-southmark,border,border-treaty-1921&date=2030-02-03&mode=day&claim=sm-2030-02-03-positions&check=meadow-share&lang=hi&map=11.50/45.0600/-34.9000&theme=dark',
    );
    expect(parseUrlState(search, F)).toEqual({ value: state, warnings: [] });
  });

  it('reads theme=light|dark|auto and names any other value in a warning', () => {
    expect(parseUrlState('?theme=light', F).value.theme).toBe('light');
    expect(parseUrlState('?theme=auto', F).value.theme).toBe('auto');
    const bad = parseUrlState('?theme=purple', F);
    expect(bad.value.theme).toBeNull();
    expect(bad.warnings.join(' ')).toContain('theme="purple"');
  });

  it('keeps an empty layer list (every layer off) distinct from the default', () => {
    const { value } = parseUrlState('?layers=', F);
    expect(value.layers).toEqual([]);
    expect(serializeUrlState(value, F)).toBe('?layers=');
  });

  it('drops malformed parameters with a warning that names them, keeping the rest', () => {
    const { value, warnings } = parseUrlState(
      '?date=2030-02-30&mode=weekly&lang=fr&layers=border,bogus&claim=<img src=x>&map=abc&check=ok-id',
      F,
    );
    expect(value.date).toBe(defaultUrlState(F).date);
    expect(value.mode).toBe('cumulative');
    expect(value.lang).toBe('en');
    expect(value.layers).toEqual(['border']);
    expect(value.claim).toBeNull();
    expect(value.camera).toBeNull();
    expect(value.check).toBe('ok-id');
    expect(warnings).toHaveLength(6);
    expect(warnings.join('\n')).toMatch(/date="2030-02-30"/);
    expect(warnings.join('\n')).toMatch(/layers="bogus"/);
    expect(warnings.join('\n')).toMatch(/a day from 2030-01-01 to 2030-06-30/);
    expect(warnings.join('\n')).toMatch(/lang="fr": expected one of en, hi/);
  });

  it('refuses another story’s names: a day, a side, a language of the repository’s story', () => {
    const { value, warnings } = parseUrlState('?date=2021-05-13&layers=claims-armenia&lang=hy', F);
    expect(value.date).toBe('2030-06-30');
    expect(value.lang).toBe('en');
    expect(warnings).toHaveLength(3);
  });

  it('ignores unknown layer names, and a list with no known name at all (every layer stays on)', () => {
    const none = parseUrlState('?layers=foo', F);
    expect(none.value.layers).toEqual(defaultUrlState(F).layers);
    expect(none.warnings).toEqual([expect.stringContaining('layers="foo"')]);
    const some = parseUrlState('?layers=foo,border,bar', F);
    expect(some.value.layers).toEqual(['border']);
    expect(some.warnings).toEqual([expect.stringContaining('layers="foo,bar"')]);
    // An empty list is not unknown: it turns every layer off, as the app writes it.
    expect(parseUrlState('?layers=', F).value.layers).toEqual([]);
    expect(parseUrlState('?layers=,', F).value.layers).toEqual([]);
  });

  it('rejects cameras out of range', () => {
    expect(parseCamera('9/39.6/46.2')).toEqual({ zoom: 9, center: [46.2, 39.6] });
    expect(parseCamera('30/39.6/46.2')).toBeNull();
    expect(parseCamera('9/95/46.2')).toBeNull();
    expect(parseCamera('9/39.6')).toBeNull();
    expect(parseCamera('9//46')).toBeNull();
  });
});

describe('URL state (the repository’s story)', () => {
  const S = story.manifest;

  it('keeps the layer names links and embeds have used: claims-<side>, border, and lake for the areas', () => {
    expect(layerGroups(S)).toEqual([
      'claims-armenia',
      'claims-azerbaijan',
      'claims-third-party',
      'places',
      'border',
      'border-amcharts-armenia',
      'border-amcharts-azerbaijan',
      'border-natural-earth',
      'areas',
      'checks',
    ]);
    // The other published lines are off until a reader turns them on.
    expect(defaultUrlState(S).layers).toEqual(layerGroups(S).filter((g) => !/^border-/.test(g)));
    const { value, warnings } = parseUrlState('?layers=claims-azerbaijan,border,lake', S);
    expect(warnings).toEqual([]);
    expect(value.layers).toEqual(['claims-azerbaijan', 'border', 'areas']);
    expect(serializeUrlState(value, S)).toBe('?layers=claims-azerbaijan,border,areas');
  });

  it('takes its days and label languages from the manifest', () => {
    const { value, warnings } = parseUrlState('?date=2021-05-13&lang=hy', S);
    expect(warnings).toEqual([]);
    expect(value).toMatchObject({ date: '2021-05-13', lang: 'hy' });
    expect(defaultUrlState(S).date).toBe('2021-06-03');
  });
});
