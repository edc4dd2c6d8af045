// The measurement in the URL: latitude,longitude pairs joined by "_"; a malformed value is dropped with a warning.
import { describe, expect, it } from 'vitest';
import { formatMeasure, parseMeasure, parseUrlState, serializeUrlState } from '../../src/url-state.ts';
import { fixture } from './stories.ts';

const F = fixture.manifest;

describe('measure= in the URL', () => {
  it('round-trips the points (latitude first, five decimals)', () => {
    const points: [number, number][] = [
      [46.3417, 39.5111],
      [46.3206, 39.5354],
    ];
    const { value, warnings } = parseUrlState(`?measure=${formatMeasure(points)}`, F);
    expect(warnings).toEqual([]);
    expect(value.measure).toEqual(points);
    expect(serializeUrlState(value, F)).toBe('?measure=39.51110,46.34170_39.53540,46.32060');
  });
  it('drops a malformed measurement with a warning naming it, and keeps the rest of the URL', () => {
    for (const bad of ['', '39.5', '39.5,46.3_x,1', '91,46', '39,46,1', Array(27).fill('1,1').join('_')]) {
      const { value, warnings } = parseUrlState(`?measure=${bad}&mode=day`, F);
      expect(value.measure, bad).toBeUndefined();
      expect(value.mode).toBe('day');
      expect(warnings.join(' '), bad).toMatch(/Ignored URL parameter measure=/);
    }
    expect(parseMeasure('1,2')).toEqual([[2, 1]]);
  });
});
