import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ClaimFeature } from '../data/types.ts';
import { type AppState, selectClaim } from '../state.ts';
import { formatDay } from '../timeline.ts';
import { STRINGS } from '../ui/strings.ts';
import { SideMark } from './SideMark.tsx';

/** The claims the list shows: those of the chosen day whose side's layer is on, in date order. */
export function listedClaims(state: AppState): ClaimFeature[] {
  return state.listedClaims.value;
}

/** A row's height before it has been drawn (a claimant line and a two-line summary); measured rows replace it. */
const ESTIMATED_ROW_PX = 92;
/** Rows drawn beyond the visible part of the list, above and below, so a fast scroll does not show a gap. */
const OVERSCAN_PX = 800;
/** Rows drawn before the list knows where it is on screen (its first render, and without layout, e.g. at build). */
const FIRST_ROWS = 20;
/** Longer lists scroll inside their own box, so the embed (whose frame grows to fit its content) stays a page. */
export const OWN_SCROLL_FROM = 60;

/**
 * Everything that clips the list: the viewport, each scrolling ancestor (the side panel, the bottom sheet) and the
 * list itself when it scrolls in its own box.
 */
function visibleBand(list: HTMLElement): { top: number; bottom: number } {
  let top = 0;
  let bottom = window.innerHeight;
  for (let node: HTMLElement | null = list; node; node = node.parentElement) {
    const overflow = getComputedStyle(node).overflowY;
    if (overflow === 'auto' || overflow === 'scroll' || overflow === 'hidden') {
      const box = node.getBoundingClientRect();
      top = Math.max(top, box.top);
      bottom = Math.min(bottom, box.bottom);
    }
  }
  return { top, bottom };
}

/** First index whose row ends below `y` (offsets[i] is where row i starts; offsets[n] the list's height). */
function rowAt(offsets: Float64Array, y: number): number {
  let low = 0;
  let high = offsets.length - 2;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (offsets[middle + 1] <= y) low = middle + 1;
    else high = middle;
  }
  return Math.max(0, low);
}

/**
 * Every claim for the chosen day, as text: the list works without the map (and is its text alternative).
 * Only the rows near the visible part are in the DOM, so 100 000 claims cost what a screenful does. Each row
 * says its place in the whole list (aria-setsize, aria-posinset). The list is one tab stop; the arrow keys, Home,
 * End, Page Up and Page Down move through every claim, drawing rows as they come.
 */
export function ClaimList({ state }: { state: AppState }) {
  const claims = state.listedClaims.value;
  if (state.storyStatus.value === 'loading') return <p role="status">{STRINGS.dataLoading}</p>;
  if (state.storyStatus.value === 'failed') return <p class="muted">{STRINGS.dataFailed}</p>;
  if (claims.length === 0) {
    // Claims of the day hidden by the layer switches are not "no claims": say which it is.
    const hiddenByLayers = state.visibleClaims.value.length > 0;
    return <p class="muted">{hiddenByLayers ? STRINGS.noClaimsLayersOff : STRINGS.noClaimsThatDay}</p>;
  }
  return <ClaimRows state={state} claims={claims} />;
}

function ClaimRows({ state, claims }: { state: AppState; claims: ClaimFeature[] }) {
  const list = useRef<HTMLOListElement>(null);
  /** Drawn rows' heights by claim id: they survive scrolling away and back, and a change of day. */
  const heights = useRef(new Map<string, number>());
  const [measuredAt, setMeasuredAt] = useState(0);
  const [range, setRange] = useState({ start: 0, end: Math.min(claims.length, FIRST_ROWS) });
  /** The row that takes the tab stop, and whether focus should follow it after the next render. */
  const [active, setActive] = useState(0);
  const focusActive = useRef(false);
  const selected = state.selectedClaim.value;

  // Where each row starts: measured heights where known, the estimate elsewhere. Recomputed when rows are measured
  // or the list changes (a typed array: 100 000 rows take well under a millisecond).
  const offsets = useMemo(() => {
    const starts = new Float64Array(claims.length + 1);
    for (let i = 0; i < claims.length; i++) {
      starts[i + 1] = starts[i] + (heights.current.get(claims[i].properties.id) ?? ESTIMATED_ROW_PX);
    }
    return starts;
  }, [claims, measuredAt]);

  const activeIndex = Math.min(active, claims.length - 1);
  const start = Math.min(range.start, claims.length);
  const end = Math.min(range.end, claims.length);

  // After each render: measure the drawn rows, then work out which rows the visible band needs.
  useLayoutEffect(() => {
    const element = list.current;
    if (!element) return;
    let changed = false;
    for (const row of element.querySelectorAll<HTMLLIElement>('li[data-claim]')) {
      const id = row.dataset.claim ?? '';
      const height = row.getBoundingClientRect().height;
      if (height > 0 && heights.current.get(id) !== height) {
        heights.current.set(id, height);
        changed = true;
      }
    }
    if (changed) setMeasuredAt((n) => n + 1);
    if (focusActive.current) {
      focusActive.current = false;
      const button = element.querySelector<HTMLButtonElement>(`li[data-index="${activeIndex}"] button`);
      button?.focus({ preventScroll: true });
      button?.scrollIntoView({ block: 'nearest' });
    }
  });

  useLayoutEffect(() => {
    const element = list.current;
    if (!element) return;
    let frame = 0;
    const update = () => {
      frame = 0;
      const box = element.getBoundingClientRect();
      if (box.height === 0 && box.width === 0) return; // hidden (a folded <details>): keep what is drawn
      const band = visibleBand(element);
      // Where the first row is on screen: the list's own scroll moves its rows, an ancestor's moves its box.
      const rowsTop = box.top - element.scrollTop;
      const from = rowAt(offsets, Math.max(0, band.top - rowsTop - OVERSCAN_PX));
      const to = rowAt(offsets, Math.max(0, band.bottom - rowsTop + OVERSCAN_PX)) + 1;
      const next = { start: from, end: Math.min(claims.length, to) };
      setRange((current) => (current.start === next.start && current.end === next.end ? current : next));
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(update);
    };
    update();
    // Scroll events do not bubble: listen in the capture phase to hear the side panel's and the page's.
    document.addEventListener('scroll', schedule, { capture: true, passive: true });
    window.addEventListener('resize', schedule);
    // A <details> opening, or the bottom sheet growing, changes what is visible without a scroll.
    const resize = new ResizeObserver(schedule);
    resize.observe(element);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('scroll', schedule, { capture: true });
      window.removeEventListener('resize', schedule);
      resize.disconnect();
    };
  }, [offsets, claims]);

  const moveTo = (index: number) => {
    focusActive.current = true;
    setActive(Math.max(0, Math.min(claims.length - 1, index)));
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const page = Math.max(
      1,
      Math.floor((list.current?.parentElement?.clientHeight ?? 600) / ESTIMATED_ROW_PX),
    );
    const to: Record<string, number> = {
      ArrowDown: activeIndex + 1,
      ArrowUp: activeIndex - 1,
      Home: 0,
      End: claims.length - 1,
      PageDown: activeIndex + page,
      PageUp: activeIndex - page,
    };
    if (!(event.key in to)) return;
    event.preventDefault();
    moveTo(to[event.key]);
  };

  // The drawn rows: the visible range, and the row holding the tab stop wherever it is (so focus is never lost to
  // a scroll). Gaps between them are empty items of the height the rows they stand for would take.
  const drawn = activeIndex < start || activeIndex >= end ? [activeIndex] : [];
  for (let i = start; i < end; i++) drawn.push(i);
  drawn.sort((a, b) => a - b);
  const items = [];
  let next = 0;
  for (const i of drawn) {
    if (i > next) items.push(<Gap key={`gap-${next}`} px={offsets[i] - offsets[next]} />);
    next = i + 1;
    const claim = claims[i].properties;
    items.push(
      <li
        key={claim.id}
        data-claim={claim.id}
        data-index={i}
        aria-setsize={claims.length}
        aria-posinset={i + 1}
      >
        <button
          type="button"
          class="claim-item"
          tabIndex={i === activeIndex ? 0 : -1}
          aria-current={selected === claim.id ? 'true' : undefined}
          aria-describedby={i === activeIndex ? 'claim-list-keys' : undefined}
          onClick={() => selectClaim(state, claim.id)}
          onFocus={() => i !== activeIndex && setActive(i)}
        >
          <span class="claim-item-head">
            <SideMark story={state.manifest} side={claim.side} />
            <span class="muted">{formatDay(claim.statementDate)}</span>
          </span>
          <span class="claim-item-who">{claim.claimant}</span>
          <span class="claim-item-summary">{claim.summary}</span>
        </button>
      </li>,
    );
  }
  if (next < claims.length) items.push(<Gap key="gap-end" px={offsets[claims.length] - offsets[next]} />);
  return (
    <>
      <p id="claim-list-keys" class="visually-hidden">
        {STRINGS.claimListKeys}
      </p>
      <ol
        ref={list}
        class={`claim-list${claims.length >= OWN_SCROLL_FROM ? ' claim-list--scroll' : ''}`}
        onKeyDown={onKeyDown}
      >
        {items}
      </ol>
    </>
  );
}

/**
 * Space for rows not drawn. Its height is set through the CSSOM (Preact's style object), which a strict
 * Content-Security-Policy allows; a style attribute in markup it would not.
 */
function Gap({ px }: { px: number }) {
  return <li class="claim-list-gap" aria-hidden="true" style={{ height: `${px}px` }} />;
}
