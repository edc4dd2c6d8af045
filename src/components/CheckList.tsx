import { formatMeasured, formatRange, formatReported, formatTolerance } from '../checks/format.ts';
import type { CheckResult } from '../checks/types.ts';
import { type AppState, selectCheck, selectClaim } from '../state.ts';
import { formatDay } from '../timeline.ts';
import { BAND_POSITION_WORDS, reasonAfterVerdict, STRINGS, VERDICT_LABELS } from '../ui/strings.ts';

function CheckItem({ check, state }: { check: CheckResult; state: AppState }) {
  const selected = state.selectedCheck.value === check.id;
  const source = check.source ? state.story.value?.sources.get(check.source) : undefined;
  const headingId = `check-${check.id}`;
  return (
    <li class={`check-item${selected ? ' check-item--selected' : ''}`} aria-labelledby={headingId}>
      <h3 id={headingId}>{check.title}</h3>
      {check.quote ? (
        <blockquote class="check-quote">
          {check.quote}
          <footer>
            {source ? `${source.outlet}, ` : ''}
            {check.statementDate ? formatDay(check.statementDate) : ''}
            {check.claim ? (
              <>
                {' · '}
                <button type="button" class="link-button" onClick={() => selectClaim(state, check.claim)}>
                  {STRINGS.checkClaimLink}
                </button>
              </>
            ) : null}
          </footer>
        </blockquote>
      ) : null}
      {check.attributedTo ? (
        <p class="check-attribution">
          {STRINGS.checkAttributed(check.attributedTo.who, check.attributedTo.why)}
        </p>
      ) : null}
      <dl class="check-figures">
        <div>
          <dt>{STRINGS.checkReported}</dt>
          <dd>{formatReported(check.reported, check.unit)}</dd>
        </div>
        <div>
          <dt>{STRINGS.checkMeasured}</dt>
          <dd>{check.range ? check.rangeText : formatMeasured(check)}</dd>
        </div>
        <div>
          <dt>{STRINGS.checkTolerance}</dt>
          <dd>{formatTolerance(check)}</dd>
        </div>
      </dl>
      {check.lines.filter((l) => l.range).length > 1 ? (
        <ul class="check-lines" aria-label={STRINGS.checkPerLine}>
          {check.lines.map((l) => (
            <li key={l.label}>
              {l.label}:{' '}
              {l.range
                ? formatRange(l.range, check.unit, check.measureKind !== 'polygon-share-by-border')
                : l.note}
              {l.position ? ` — ${BAND_POSITION_WORDS[l.position]}` : ''}
            </li>
          ))}
        </ul>
      ) : null}
      <p>
        <span class={`verdict verdict--${check.verdict}`}>{VERDICT_LABELS[check.verdict]}</span>{' '}
        {reasonAfterVerdict(check.verdict, check.reason)}
      </p>
      <details>
        <summary>{STRINGS.checkMethod}</summary>
        <p>{check.method}</p>
        {check.tolerance ? <p>{check.tolerance.basis}</p> : null}
        {check.caveats.length ? (
          <ul>
            {check.caveats.map((caveat) => (
              <li key={caveat}>{caveat}</li>
            ))}
          </ul>
        ) : null}
      </details>
      {check.geometry.features.length > 0 ? (
        <button
          type="button"
          class="draw"
          aria-pressed={selected}
          onClick={() => selectCheck(state, selected ? null : check.id)}
        >
          {selected ? STRINGS.checkSelected : STRINGS.checkShowOnMap}
        </button>
      ) : null}
    </li>
  );
}

/** Every checked figure with its quote, values, verdict and method; also the text alternative for checks. */
export function CheckList({ state }: { state: AppState }) {
  const checks = state.checks.value;
  if (state.checksStatus.value === 'loading') return <p role="status">{STRINGS.checksLoading}</p>;
  if (!checks) return null;
  return (
    <ol class="check-list">
      {checks.map((check) => (
        <CheckItem key={check.id} check={check} state={state} />
      ))}
    </ol>
  );
}
