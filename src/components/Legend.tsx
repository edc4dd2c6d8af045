import { LIGHT } from '../map/palette.ts';
import { STRINGS } from '../ui/strings.ts';

const SIZE = 28;

/** A small drawing of how one side's claims look: hatch direction, outline dash and marker shape. */
function SideSwatch({ side }: { side: 'armenia' | 'azerbaijan' }) {
  const colour = LIGHT[side];
  const rising = side === 'armenia';
  const id = `legend-hatch-${side}`;
  return (
    <svg width={SIZE * 2} height={SIZE} viewBox={`0 0 ${SIZE * 2} ${SIZE}`} aria-hidden="true">
      <defs>
        <pattern
          id={id}
          width="6"
          height="6"
          patternUnits="userSpaceOnUse"
          patternTransform={`rotate(${rising ? 45 : -45})`}
        >
          <rect width="2" height="6" fill={colour} />
        </pattern>
      </defs>
      <rect
        x="2"
        y="4"
        width="24"
        height="20"
        fill={`url(#${id})`}
        stroke={colour}
        stroke-width="2"
        stroke-dasharray={rising ? undefined : '5 3'}
      />
      {rising ? (
        <circle cx="42" cy="14" r="7" fill={colour} stroke="#fff" stroke-width="1.5" />
      ) : (
        <path d="M42 6 L50 14 L42 22 L34 14 Z" fill={colour} stroke="#fff" stroke-width="1.5" />
      )}
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

/** Explains the visual language: both sides drawn alike, told apart by hue AND pattern, never by colour alone. */
export function Legend() {
  return (
    <details class="legend">
      <summary>{STRINGS.legendHeading}</summary>
      <ul>
        <li>
          <SideSwatch side="armenia" />
          <span>{STRINGS.legendArmenia}</span>
        </li>
        <li>
          <SideSwatch side="azerbaijan" />
          <span>{STRINGS.legendAzerbaijan}</span>
        </li>
        <li>
          <Swatch>
            <circle
              cx="28"
              cy="14"
              r="11"
              fill="#6b675f"
              fill-opacity="0.12"
              stroke="#6b675f"
              stroke-dasharray="1 3"
            />
            <circle cx="28" cy="14" r="3.5" fill="#fff" stroke="#2b2b2b" stroke-width="1.5" />
          </Swatch>
          <span>
            Approximate: a hollow marker and a dotted ring showing how far the true position may lie.
          </span>
        </li>
        <li>
          <Swatch>
            <ellipse
              cx="28"
              cy="14"
              rx="18"
              ry="9"
              fill={LIGHT.lake}
              stroke={LIGHT.lakeEdge}
              stroke-width="1.5"
              stroke-dasharray="4 3"
            />
          </Swatch>
          <span>
            Schematic: a dashed edge. The lake’s outline is built from its reported size, not surveyed.
          </span>
        </li>
        <li>
          <Swatch>
            <path d="M4 18 L20 10 L34 16 L52 8" fill="none" stroke={LIGHT.border} stroke-width="2.5" />
          </Swatch>
          <span>
            Border as OpenStreetMap drew it around 2017. Dotted where it is bridged across a gap in the data.
          </span>
        </li>
        <li>
          <Swatch>
            <path d="M6 20 L50 8" stroke={LIGHT.measure} stroke-width="3" stroke-linecap="round" />
            <circle cx="6" cy="20" r="4" fill={LIGHT.measure} />
            <circle cx="50" cy="8" r="4" fill={LIGHT.measure} />
          </Swatch>
          <span>{STRINGS.legendMeasure}</span>
        </li>
      </ul>
    </details>
  );
}
