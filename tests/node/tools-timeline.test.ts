import { describe, expect, it } from 'vitest';
import type { ClaimFeature } from '../../src/data/types.ts';
import { claimsPerDay, nextPlayDay } from '../../src/tools/timeline-marks.ts';

const claim = (side: string, statementDate: string) =>
  ({ properties: { side, statementDate } }) as unknown as ClaimFeature;
const days = ['d1', 'd2', 'd3', 'd4', 'd5'];

describe('claimsPerDay', () => {
  it('counts each side’s claims per day, zeros included, and ignores days and sides the story lacks', () => {
    const out = claimsPerDay(
      days,
      ['a', 'b'],
      [claim('a', 'd1'), claim('a', 'd1'), claim('b', 'd3'), claim('c', 'd3'), claim('a', 'd9')],
    );
    expect([...out.keys()]).toEqual(days);
    expect(Object.fromEntries(out.get('d1') ?? [])).toEqual({ a: 2, b: 0 });
    expect(Object.fromEntries(out.get('d3') ?? [])).toEqual({ a: 0, b: 1 });
    expect(Object.fromEntries(out.get('d2') ?? [])).toEqual({ a: 0, b: 0 });
  });
});

describe('nextPlayDay', () => {
  it('skips days without claims, ends on the last day, and stops there', () => {
    const with_ = new Set(['d1', 'd3']);
    expect(nextPlayDay(days, with_, 'd1')).toBe('d3');
    expect(nextPlayDay(days, with_, 'd3')).toBe('d5');
    expect(nextPlayDay(days, with_, 'd5')).toBeNull();
    expect(nextPlayDay(days, with_, 'nope')).toBeNull();
    expect(nextPlayDay(days, new Set(['d2', 'd4']), 'd2')).toBe('d4');
  });
});
