import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ampHeightMessage,
  createHeightReporter,
  HEIGHT_KEY,
  heightMessages,
  keyedHeightMessage,
  mediumHeightMessage,
  pymHeightMessage,
} from '../../src/embed/height.ts';

describe('height messages', () => {
  it('speaks pym.js: pymxPYMx<id>xPYMxheightxPYMx<px>', () => {
    expect(pymHeightMessage('map', 612)).toBe('pymxPYMxmapxPYMxheightxPYMx612');
  });

  it('speaks AMP: an embed-size object', () => {
    expect(ampHeightMessage(612)).toEqual({ sentinel: 'amp', type: 'embed-size', height: 612 });
  });

  it('speaks Medium/Embedly: a JSON string naming the frame by URL', () => {
    const message = mediumHeightMessage('https://maps.example/embed.html?date=2021-05-20', 612);
    expect(typeof message).toBe('string');
    expect(JSON.parse(message)).toEqual({
      src: 'https://maps.example/embed.html?date=2021-05-20',
      context: 'iframe.resize',
      height: 612,
    });
  });

  it('has its own keyed object, in Datawrapper’s style', () => {
    expect(HEIGHT_KEY).toBe('conflict-map-height');
    expect(keyedHeightMessage('story-1', 612)).toEqual({ 'conflict-map-height': { 'story-1': 612 } });
  });

  it('sends all four formats', () => {
    expect(heightMessages('map', 700, 'https://maps.example/embed.html')).toEqual([
      'pymxPYMxmapxPYMxheightxPYMx700',
      { sentinel: 'amp', type: 'embed-size', height: 700 },
      JSON.stringify({ src: 'https://maps.example/embed.html', context: 'iframe.resize', height: 700 }),
      { 'conflict-map-height': { map: 700 } },
    ]);
  });
});

describe('height reporter', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  function setup(initial: number) {
    let height = initial;
    const posted: number[] = [];
    const reporter = createHeightReporter({
      measure: () => height,
      post: (h) => posted.push(h),
      delayMs: 120,
    });
    return { reporter, posted, setHeight: (h: number) => (height = h) };
  }

  it('debounces a burst of layout changes into one message, rounded up', () => {
    const { reporter, posted, setHeight } = setup(800.2);
    reporter.schedule();
    vi.advanceTimersByTime(60);
    setHeight(812.4);
    reporter.schedule();
    vi.advanceTimersByTime(60);
    reporter.schedule();
    expect(posted).toEqual([]);
    vi.advanceTimersByTime(120);
    expect(posted).toEqual([813]);
  });

  it('sends only when the rounded height changed, so a host resize cannot start a loop', () => {
    const { reporter, posted, setHeight } = setup(700);
    reporter.schedule();
    vi.advanceTimersByTime(200);
    // The host resizes the frame; the document's own height is unchanged, and so is the message count.
    reporter.schedule();
    vi.advanceTimersByTime(200);
    setHeight(699.6);
    reporter.schedule();
    vi.advanceTimersByTime(200);
    expect(posted).toEqual([700]);
    setHeight(760);
    reporter.schedule();
    vi.advanceTimersByTime(200);
    expect(posted).toEqual([700, 760]);
  });

  it('ignores heights that are not positive and finite, and stops when told', () => {
    const { reporter, posted, setHeight } = setup(0);
    reporter.flush();
    setHeight(Number.NaN);
    reporter.flush();
    expect(posted).toEqual([]);
    setHeight(500);
    reporter.schedule();
    reporter.stop();
    vi.advanceTimersByTime(500);
    reporter.flush();
    expect(posted).toEqual([]);
  });
});
