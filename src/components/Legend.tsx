import type { HatchPattern, MarkerShape, SideSpec, StoryManifest } from '../story/manifest.ts';
import { STRINGS, sideLegend } from '../ui/strings.ts';

const SIZE = 28;

/** Rotation of a vertical stripe that draws the pattern ("/" leans right). */
const STRIPE_ROTATION: Record<HatchPattern, number> = { '/': 45, '\\': -45, '|': 0, '-': 90 };

const DASH = { solid: undefined, dashed: '5 3', dotted: '1.5 2.5' } as const;

function MarkerShapeSvg({ shape }: { shape: MarkerShape }) {
  const common = { class: 'side-fill legend-marker' };
  switch (shape) {
    case 'circle':
      return <circle cx="42" cy="14" r="7" {...common} />;
    case 'diamond':
      return <path d="M42 6 L50 14 L42 22 L34 14 Z" {...common} />;
    case 'square':
      return <rect x="36" y="8" width="12" height="12" {...common} />;
    case 'triangle':
      return <path d="M42 6 L50 21 L34 21 Z" {...common} />;
  }
}

/** A small drawing of how one side's claims look: hatch direction, outline dash and marker shape, in its colour. */
function SideSwatch({ side }: { side: SideSpec }) {
  const id = `legend-hatch-${side.id}`;
  return (
    <svg
      class={`side--${side.id}`}
      width={SIZE * 2}
      height={SIZE}
      viewBox={`0 0 ${SIZE * 2} ${SIZE}`}
      aria-hidden="true"
    >
      <defs>
        <pattern
          id={id}
          width="6"
          height="6"
          patternUnits="userSpaceOnUse"
          patternTransform={`rotate(${STRIPE_ROTATION[side.pattern]})`}
        >
          <rect width="2" height="6" class="side-fill" />
        </pattern>
      </defs>
      <rect
        x="2"
        y="4"
        width="24"
        height="20"
        fill={`url(#${id})`}
        class="side-stroke"
        stroke-width="2"
        stroke-dasharray={DASH[side.outline]}
      />
      <MarkerShapeSvg shape={side.marker} />
    </svg>
  );
}

function Swatch({ children }: { children: preact.ComponentChildren }) {
  return (
    <svg width={SIZE * 2} height={SIZE} viewBox={`0 0 ${SIZE * 2} ${SIZE}`} aria-hidden="true">
      {children}
    </svg>
  );
}

/** Explains the visual language: every side drawn alike, told apart by hue AND pattern, never by colour alone. */
export function Legend({ story }: { story: StoryManifest }) {
  return (
    <details class="legend">
      <summary>{STRINGS.legendHeading}</summary>
      <ul>
        {story.sides
          .filter((side) => side.positions)
          .map((side) => (
            <li key={side.id}>
              <SideSwatch side={side} />
              <span>{sideLegend(side)}</span>
            </li>
          ))}
        <li>
          <Swatch>
            <circle cx="28" cy="14" r="11" class="legend-muted" fill-opacity="0" stroke-dasharray="1 3" />
            <circle cx="28" cy="14" r="3.5" class="legend-place" stroke-width="1.5" />
          </Swatch>
          <span>{STRINGS.legendApproximate}</span>
        </li>
        <li>
          <Swatch>
            <ellipse
              cx="28"
              cy="14"
              rx="18"
              ry="9"
              class="legend-lake"
              stroke-width="1.5"
              stroke-dasharray="4 3"
            />
          </Swatch>
          <span>{story.referenceAreas.legend}</span>
        </li>
        {story.borderLines.map((line, index) => (
          <li key={line.id}>
            <Swatch>
              <path
                d="M4 18 L20 10 L34 16 L52 8"
                fill="none"
                class={index === 0 ? 'legend-border' : 'legend-other-border'}
                stroke-width="2.5"
                stroke-dasharray={index === 0 ? undefined : '4 2'}
              />
            </Swatch>
            <span>{line.legend}</span>
          </li>
        ))}
        <li>
          <Swatch>
            <path d="M6 20 L50 8" class="legend-measure" stroke-width="3" stroke-linecap="round" />
            <circle cx="6" cy="20" r="4" class="legend-measure-dot" />
            <circle cx="50" cy="8" r="4" class="legend-measure-dot" />
          </Swatch>
          <span>{STRINGS.legendMeasure}</span>
        </li>
      </ul>
    </details>
  );
}
