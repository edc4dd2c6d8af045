import type { ClaimFeature } from '../data/types.ts';
import { type AppState, selectClaim } from '../state.ts';
import { formatDay } from '../timeline.ts';
import { STRINGS } from '../ui/strings.ts';
import { SideMark } from './SideMark.tsx';

const bySide = (claims: ClaimFeature[], shown: ReadonlySet<string>) =>
  claims.filter((claim) => shown.has(`claims-${claim.properties.side}`));

/** The claims the list shows: those of the chosen day whose side's layer is on, in date order. */
export function listedClaims(state: AppState): ClaimFeature[] {
  return bySide(state.visibleClaims.value, state.layers.value).sort((a, b) =>
    a.properties.statementDate.localeCompare(b.properties.statementDate),
  );
}

/** Every claim for the chosen day, as text: the list works without the map (and is its text alternative). */
export function ClaimList({ state }: { state: AppState }) {
  const claims = listedClaims(state);
  if (state.storyStatus.value === 'loading') return <p role="status">{STRINGS.dataLoading}</p>;
  if (claims.length === 0) {
    // Claims of the day hidden by the layer switches are not "no claims": say which it is.
    const hiddenByLayers = state.visibleClaims.value.length > 0;
    return <p class="muted">{hiddenByLayers ? STRINGS.noClaimsLayersOff : STRINGS.noClaimsThatDay}</p>;
  }
  return (
    <ol class="claim-list">
      {claims.map(({ properties: claim }) => (
        <li key={claim.id}>
          <button
            type="button"
            class="claim-item"
            aria-current={state.selectedClaim.value === claim.id ? 'true' : undefined}
            onClick={() => selectClaim(state, claim.id)}
          >
            <span class="claim-item-head">
              <SideMark story={state.manifest} side={claim.side} />
              <span class="muted">{formatDay(claim.statementDate)}</span>
            </span>
            <span class="claim-item-who">{claim.claimant}</span>
            <span class="claim-item-summary">{claim.summary}</span>
          </button>
        </li>
      ))}
    </ol>
  );
}
