import { batch, useSignal } from '@preact/signals';
import { useMemo, useRef } from 'preact/hooks';
import { type AppState, frameTo, selectClaim, setLayerVisible } from '../state.ts';
import { formatDay, showsOn } from '../timeline.ts';
import { buildSearchIndex, prepareIndex, type SearchResult, search } from '../tools/search.ts';
import { TOOL_STRINGS } from '../ui/strings.ts';

/** Shows a result: frames a place or area; opens a claim (on a day and with a layer that show it) and frames it. */
function showResult(state: AppState, { entry }: SearchResult): string {
  if (entry.kind !== 'claim') {
    if (entry.bounds) frameTo(state, entry.bounds);
    return TOOL_STRINGS.searchShown(entry.label);
  }
  const claim = state.story.value?.claims.find((c) => c.properties.id === entry.id);
  if (!claim) return '';
  batch(() => {
    const { statementDate, side } = claim.properties;
    if (!showsOn(statementDate, state.date.value, state.mode.value)) state.date.value = statementDate;
    setLayerVisible(state, `claims-${side}`, true);
    selectClaim(state, entry.id);
  });
  return entry.bounds ? TOOL_STRINGS.searchShown(entry.label) : TOOL_STRINGS.searchNoPlace;
}

/**
 * A search box with its results as a list of buttons under it. Keyboard first: Enter shows the first result, the
 * down arrow goes into the list (up and down move through it, Escape comes back to the box), Escape in the box
 * clears it.
 */
export function SearchBox({ state }: { state: AppState }) {
  const query = useSignal('');
  const open = useSignal(false);
  const announcement = useSignal('');
  const list = useRef<HTMLUListElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const story = state.story.value;
  // Built when the reader first comes to the box, not while the page loads: at 10,000 claims normalising every
  // claim's words took 0.6 s of the page's thread, and most readers never search.
  const wanted = useSignal(false);
  const index = useMemo(
    () =>
      story && wanted.value
        ? prepareIndex(
            buildSearchIndex(
              story,
              (c) => `${c.properties.claimant} · ${formatDay(c.properties.statementDate)}`,
            ),
          )
        : [],
    [story, wanted.value],
  );
  const results = useMemo(() => search(index, query.value), [index, query.value]);
  const shown = open.value && query.value.trim() !== '';
  const choose = (result: SearchResult | undefined) => {
    if (!result) return;
    announcement.value = showResult(state, result);
    open.value = false;
    input.current?.focus();
  };
  const option = (i: number) => list.current?.querySelectorAll<HTMLButtonElement>('.search-option')[i];
  const onInputKey = (event: KeyboardEvent) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      choose(results[0]);
    } else if (event.key === 'ArrowDown' && results.length) {
      event.preventDefault();
      open.value = true;
      // After the list renders: focus its first result.
      requestAnimationFrame(() => option(0)?.focus());
    } else if (event.key === 'Escape') {
      if (open.value && query.value) open.value = false;
      else query.value = '';
    }
  };
  const onListKey = (event: KeyboardEvent, i: number) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = i + (event.key === 'ArrowDown' ? 1 : -1);
      if (next < 0) input.current?.focus();
      else option(Math.min(next, results.length - 1))?.focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      open.value = false;
      input.current?.focus();
    }
  };
  return (
    <div
      class="search"
      onFocusOut={(event) => {
        // Closes when the focus leaves the box and its list, not when it moves between them.
        const next = event.relatedTarget as Node | null;
        if (!next || !event.currentTarget.contains(next)) open.value = false;
      }}
    >
      <label for="search-input" class="visually-hidden">
        {TOOL_STRINGS.searchLabel}
      </label>
      <input
        ref={input}
        id="search-input"
        type="search"
        autocomplete="off"
        spellcheck={false}
        placeholder={TOOL_STRINGS.searchPlaceholder}
        aria-describedby="search-hint"
        aria-controls="search-results"
        value={query.value}
        onInput={(event) => {
          wanted.value = true;
          query.value = event.currentTarget.value;
          open.value = true;
        }}
        onFocus={() => {
          wanted.value = true;
          open.value = true;
        }}
        onKeyDown={onInputKey}
      />
      <p id="search-hint" class="visually-hidden">
        {TOOL_STRINGS.searchHint}
      </p>
      <ul
        ref={list}
        id="search-results"
        class="search-results plain-list"
        aria-label={TOOL_STRINGS.searchLabel}
        hidden={!shown}
      >
        {results.map((result, i) => (
          <li key={`${result.entry.kind}-${result.entry.id}`}>
            <button
              type="button"
              class="search-option"
              onClick={() => choose(result)}
              onKeyDown={(event) => onListKey(event, i)}
            >
              <span class="search-kind">{TOOL_STRINGS.searchKind[result.entry.kind]}</span>
              <span class="search-label">{result.entry.label}</span>
              <span class="search-detail">
                {result.entry.kind !== 'claim' && result.matched !== result.entry.label
                  ? result.matched
                  : result.entry.detail}
              </span>
            </button>
          </li>
        ))}
        {shown && results.length === 0 ? (
          <li class="search-empty">{TOOL_STRINGS.searchNoResults(query.value)}</li>
        ) : null}
      </ul>
      <p class="visually-hidden" role="status">
        {shown ? TOOL_STRINGS.searchResults(results.length) : announcement.value}
      </p>
    </div>
  );
}
