import { useEffect, useRef } from 'preact/hooks';
import type { CheckResult } from '../checks/types.ts';
import { answeredBy, claimById, type Story } from '../data/story.ts';
import type { ClaimFeature, Source } from '../data/types.ts';
import { type AppState, selectCheck, selectClaim } from '../state.ts';
import { formatDay } from '../timeline.ts';
import { STRINGS, sideLabel, VERDICT_LABELS } from '../ui/strings.ts';
import { SideMark } from './SideMark.tsx';

/** Only http(s) links are rendered as links; anything else in the data stays text. */
function safeHref(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

function SourceLine({ source }: { source: Source | undefined }) {
  if (!source) return <p class="muted">{STRINGS.sourceMissing}</p>;
  const href = safeHref(source.url);
  return (
    <p class="claim-source">
      <span>{source.outlet}</span>, “
      {href ? (
        <a href={href} target="_blank" rel="noopener noreferrer">
          {source.headline}
        </a>
      ) : (
        source.headline
      )}
      ”{source.published ? `, ${formatDay(source.published)}` : ''}
      {source.publishedCertainty === 'inferred' ? ` ${STRINGS.publishedInferred}` : ''}
    </p>
  );
}

/** The claim and everything that answers it or that it answers, side by side by who said it. */
function Exchange({ story, claim, state }: { story: Story; claim: ClaimFeature; state: AppState }) {
  const related = [
    ...claim.properties.answers.map((id) => claimById(story, id)),
    ...answeredBy(story, claim.properties.id),
  ].filter((c): c is ClaimFeature => Boolean(c));
  if (related.length === 0) return null;
  const all = [
    claim,
    ...related.filter((c, i) => related.findIndex((d) => d.properties.id === c.properties.id) === i),
  ];
  return (
    <section class="exchange" aria-label={STRINGS.exchangeLabel}>
      <h3>
        {STRINGS.claimAnswers} / {STRINGS.claimAnsweredBy.toLowerCase()}
      </h3>
      <div class="exchange-columns">
        {/* In the story's order of sides; a side the manifest lacks would be dropped by the loader. */}
        {state.manifest.sides.map(({ id: side }) => {
          const ofSide = all.filter((c) => c.properties.side === side);
          if (ofSide.length === 0) return null;
          return (
            <div class="exchange-column" key={side}>
              <h4>{STRINGS.sideSays(sideLabel(state.manifest, side))}</h4>
              <ul>
                {ofSide.map(({ properties: c }) => (
                  <li key={c.id}>
                    {c.id === claim.properties.id ? (
                      <span class="exchange-current">{c.summary}</span>
                    ) : (
                      <button type="button" class="link-button" onClick={() => selectClaim(state, c.id)}>
                        {c.summary}
                      </button>
                    )}
                    <span class="muted">
                      {' '}
                      — {c.claimant}, {formatDay(c.statementDate)}
                    </span>
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
      </div>
    </section>
  );
}

function ChecksOfClaim({ checks, state }: { checks: CheckResult[]; state: AppState }) {
  if (checks.length === 0) return null;
  return (
    <section>
      <h3>{STRINGS.claimChecks}</h3>
      <ul class="plain-list">
        {checks.map((check) => (
          <li key={check.id}>
            <button type="button" class="link-button" onClick={() => selectCheck(state, check.id)}>
              {check.title}
            </button>{' '}
            <span class={`verdict verdict--${check.verdict}`}>{VERDICT_LABELS[check.verdict]}</span>
            {check.attributedTo ? (
              <span class="muted"> {STRINGS.checkOfWords(check.attributedTo.who)}</span>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function ClaimCard({
  state,
  claimId,
  takeFocus = () => true,
}: {
  state: AppState;
  claimId: string;
  /**
   * Whether to move focus to the card when it opens. The embed says no unless the reader is using the frame:
   * focusing inside an iframe on load, or on a host's command, would steal focus from the article and scroll it.
   */
  takeFocus?: () => boolean;
}) {
  const story = state.story.value;
  const heading = useRef<HTMLHeadingElement>(null);
  // Move focus to the card so keyboard and screen-reader users land on what they opened.
  useEffect(() => {
    if (takeFocus()) heading.current?.focus();
  }, [claimId]);
  const claim = story ? claimById(story, claimId) : undefined;
  if (!story || !claim) return null;
  const c = claim.properties;
  const checks = (state.checks.value ?? []).filter((check) => check.claim === c.id);
  const eventDays = c.eventDate
    ? c.eventDateEnd && c.eventDateEnd !== c.eventDate
      ? `${formatDay(c.eventDate)} – ${formatDay(c.eventDateEnd)}`
      : formatDay(c.eventDate)
    : null;
  return (
    <article class={`claim-card side--${c.side}`} aria-labelledby="claim-card-heading">
      <button type="button" class="back" onClick={() => selectClaim(state, null)}>
        ← {STRINGS.closeCard}
      </button>
      <SideMark story={state.manifest} side={c.side} />
      <h2 id="claim-card-heading" tabIndex={-1} ref={heading}>
        {c.claimant}
      </h2>
      <p class="claim-dates">
        {STRINGS.claimMadeOn} {formatDay(c.statementDate)}
        {eventDays ? ` · ${STRINGS.claimAbout} ${eventDays}` : ''}
      </p>
      <p class="claim-summary">{c.summary}</p>
      <figure class="claim-quote">
        <p class="claim-quote-kind">
          {c.quoteKind === 'direct'
            ? STRINGS.claimQuote
            : STRINGS.claimReported(story.sources.get(c.source)?.outlet ?? c.source)}
        </p>
        <blockquote>{c.quote}</blockquote>
        <figcaption>
          <SourceLine source={story.sources.get(c.source)} />
        </figcaption>
      </figure>
      {claim.geometry && c.geometryBy !== 'claimant' ? (
        <p class="claim-drawn-by">{STRINGS.claimDrawnBy(c.geometryBy ?? '')}</p>
      ) : null}
      {claim.geometry ? (
        <details class="claim-basis">
          <summary>{STRINGS.claimGeometryBasis}</summary>
          {c.geometryBy === 'claimant' ? <p>{STRINGS.claimDrawnByClaimant}</p> : null}
          <p>{c.geometryBasis}</p>
          {c.uncertaintyM ? <p>{STRINGS.claimApproximate(c.uncertaintyM)}</p> : null}
        </details>
      ) : (
        <p class="muted">{STRINGS.claimNoPlace}</p>
      )}
      {c.notes ? (
        <details class="claim-basis">
          <summary>{STRINGS.claimNotes}</summary>
          <p>{c.notes}</p>
        </details>
      ) : null}
      <Exchange story={story} claim={claim} state={state} />
      <ChecksOfClaim checks={checks} state={state} />
    </article>
  );
}
