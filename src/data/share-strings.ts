// A worker's reply reaches the page as a structured clone, and the clone gives every string its own copy: a story of
// 100,000 claims arrives with 100,000 copies of "Feature", of each side's id, of each claimant's name and each day.
// Pointing the copies at one shared string keeps the page's heap to what the story says, not how often it says it
// (at 100,000 generated claims, 178.9 → 154.5 MB in the bench). Only short strings are shared: they are the values
// that repeat (kinds, sides, names, dates, source ids); the long ones (quotes, notes) are mostly one of a kind and
// costly to hash.
const LONGEST_SHARED = 64;

/** Replaces, in place, each short string of the features' type, geometry type and properties by one shared copy. */
export function shareRepeatedStrings(features: readonly object[]): void {
  const shared = new Map<string, string>();
  const one = (text: string): string => {
    if (text.length > LONGEST_SHARED) return text;
    const known = shared.get(text);
    if (known !== undefined) return known;
    shared.set(text, text);
    return text;
  };
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return one(value);
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) value[i] = walk(value[i]);
    } else if (value !== null && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      for (const key of Object.keys(record)) record[key] = walk(record[key]);
    }
    return value;
  };
  for (const feature of features as {
    type?: unknown;
    geometry?: { type?: unknown };
    properties?: unknown;
  }[]) {
    if (typeof feature.type === 'string') feature.type = one(feature.type);
    // Coordinates are numbers: only the geometry's type is a string worth sharing.
    if (feature.geometry && typeof feature.geometry.type === 'string')
      feature.geometry.type = one(feature.geometry.type);
    walk(feature.properties);
  }
}
