import { useSignal } from '@preact/signals';
import type { AppState } from '../state.ts';
import { STRINGS } from '../ui/strings.ts';
import { AreaShortcuts } from './AreaShortcuts.tsx';
import { CheckList } from './CheckList.tsx';
import { ClaimCard } from './ClaimCard.tsx';
import { ClaimList } from './ClaimList.tsx';
import { LayerPanel } from './LayerPanel.tsx';
import { Timeline } from './Timeline.tsx';

type Tab = 'claims' | 'checks';

/**
 * Everything besides the map. On wide screens a side panel; on phones a bottom sheet over the map
 * (styles.css), which the reader can raise to read or lower to look at the map.
 */
export function Sidebar({ state }: { state: AppState }) {
  const tab = useSignal<Tab>(state.selectedCheck.value ? 'checks' : 'claims');
  const expanded = useSignal(false);
  const claim = state.selectedClaim.value;
  const tabs: { id: Tab; label: string }[] = [
    { id: 'claims', label: STRINGS.claimsHeading },
    { id: 'checks', label: STRINGS.checksHeading },
  ];
  if (!state.mapStarted.value) {
    // The panel's first render takes ~100 ms of main thread on a slow device: let the map start first.
    return (
      <aside class="sidebar" aria-label={STRINGS.panelLabel} aria-busy="true">
        <p class="panel-section" role="status">
          {STRINGS.dataLoading}
        </p>
      </aside>
    );
  }
  return (
    <aside class={`sidebar${expanded.value ? ' sidebar--expanded' : ''}`} aria-label={STRINGS.panelLabel}>
      <button
        type="button"
        class="sheet-handle"
        aria-expanded={expanded.value}
        onClick={() => (expanded.value = !expanded.value)}
      >
        {expanded.value ? STRINGS.collapsePanel : STRINGS.expandPanel}
      </button>
      {/* An open claim comes first, so on a phone it is what the sheet shows. */}
      {claim ? <ClaimCard state={state} claimId={claim} /> : null}
      <Timeline state={state} />
      {/* The layer switches come before the long lists: a reader finds them in a few Tab presses, not dozens. */}
      <LayerPanel state={state} />
      {claim ? null : (
        <section class="panel-section" aria-label={`${STRINGS.claimsHeading} and ${STRINGS.checksHeading}`}>
          <div role="tablist" class="tabs" aria-label={STRINGS.listsLabel}>
            {tabs.map(({ id, label }) => (
              <button
                key={id}
                type="button"
                role="tab"
                id={`tab-${id}`}
                aria-selected={tab.value === id}
                aria-controls={`tabpanel-${id}`}
                tabIndex={tab.value === id ? 0 : -1}
                onClick={() => (tab.value = id)}
                onKeyDown={(event) => {
                  if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
                    const next = tab.value === 'claims' ? 'checks' : 'claims';
                    tab.value = next;
                    document.getElementById(`tab-${next}`)?.focus();
                  }
                }}
              >
                {label}
              </button>
            ))}
          </div>
          <div role="tabpanel" id={`tabpanel-${tab.value}`} aria-labelledby={`tab-${tab.value}`}>
            {tab.value === 'claims' ? <ClaimList state={state} /> : <CheckList state={state} />}
          </div>
        </section>
      )}
      <AreaShortcuts state={state} />
    </aside>
  );
}
