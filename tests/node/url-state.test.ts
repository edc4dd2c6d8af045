import { describe, expect, it } from 'vitest';
import {
  DEFAULT_URL_STATE,
  parseCamera,
  parseUrlState,
  serializeUrlState,
  type UrlState,
} from '../../src/url-state.ts';

describe('URL state', () => {
  it('defaults when the URL has no parameters, and writes nothing for the defaults', () => {
    const { value, warnings } = parseUrlState('');
    expect(value).toEqual(DEFAULT_URL_STATE);
    expect(warnings).toEqual([]);
    expect(serializeUrlState(value)).toBe('');
  });

  it('round-trips every field', () => {
    const state: UrlState = {
      layers: ['claims-azerbaijan', 'border'],
      date: '2021-05-13',
      mode: 'day',
      claim: 'az-mod-2021-06-01-armudlu',
      check: 'armudlu-400m',
      lang: 'hy',
      camera: { zoom: 11.5, center: [46.2311, 39.5981] },
    };
    const search = serializeUrlState(state);
    expect(search).toBe(
      '?layers=claims-azerbaijan,border&date=2021-05-13&mode=day&claim=az-mod-2021-06-01-armudlu&check=armudlu-400m&lang=hy&map=11.50/39.5981/46.2311',
    );
    expect(parseUrlState(search)).toEqual({ value: state, warnings: [] });
  });

  it('keeps an empty layer list (every layer off) distinct from the default', () => {
    const { value } = parseUrlState('?layers=');
    expect(value.layers).toEqual([]);
    expect(serializeUrlState(value)).toBe('?layers=');
  });

  it('drops malformed parameters with a warning that names them, keeping the rest', () => {
    const { value, warnings } = parseUrlState(
      '?date=2021-02-30&mode=weekly&lang=fr&layers=border,bogus&claim=<img src=x>&map=abc&check=ok-id',
    );
    expect(value.date).toBe(DEFAULT_URL_STATE.date);
    expect(value.mode).toBe('cumulative');
    expect(value.lang).toBe('en');
    expect(value.layers).toEqual(['border']);
    expect(value.claim).toBeNull();
    expect(value.camera).toBeNull();
    expect(value.check).toBe('ok-id');
    expect(warnings).toHaveLength(6);
    expect(warnings.join('\n')).toMatch(/date="2021-02-30"/);
    expect(warnings.join('\n')).toMatch(/layers="bogus"/);
  });

  it('ignores unknown layer names, and a list with no known name at all (every layer stays on)', () => {
    const none = parseUrlState('?layers=foo');
    expect(none.value.layers).toEqual(DEFAULT_URL_STATE.layers);
    expect(none.warnings).toEqual([expect.stringContaining('layers="foo"')]);
    const some = parseUrlState('?layers=foo,border,bar');
    expect(some.value.layers).toEqual(['border']);
    expect(some.warnings).toEqual([expect.stringContaining('layers="foo,bar"')]);
    // An empty list is not unknown: it turns every layer off, as the app writes it.
    expect(parseUrlState('?layers=').value.layers).toEqual([]);
    expect(parseUrlState('?layers=,').value.layers).toEqual([]);
  });

  it('rejects cameras out of range', () => {
    expect(parseCamera('9/39.6/46.2')).toEqual({ zoom: 9, center: [46.2, 39.6] });
    expect(parseCamera('30/39.6/46.2')).toBeNull();
    expect(parseCamera('9/95/46.2')).toBeNull();
    expect(parseCamera('9/39.6')).toBeNull();
    expect(parseCamera('9//46')).toBeNull();
  });
});
