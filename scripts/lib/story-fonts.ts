// Label fonts for a story: the subsets of the story's font packages (@fontsource) that its map labels need.
// A story whose names are in Latin and Cyrillic ships those subsets; one with Devanagari names, Devanagari.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface FontFace {
  /** Absolute path of the woff2 file. */
  file: string;
  /** CSS unicode-range parts, e.g. ["U+0000-00FF", "U+0131"]. */
  ranges: string[];
}

export interface FontChoice {
  faces: FontFace[];
  /** Characters of the labels that no listed package covers, each with one text it occurs in. */
  uncovered: { char: string; example: string }[];
}

/**
 * Characters the engine itself writes on the map (measurement labels, the "approx." suffix, separators):
 * always covered, whatever the story's own names need.
 */
export const ENGINE_LABEL_TEXT =
  ' !"#%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]abcdefghijklmnopqrstuvwxyz°²·±–—…';

type Range = [number, number];

function parseRanges(ranges: string[]): Range[] {
  return ranges.map((part) => {
    const [from, to] = part.replace(/^U\+/i, '').split('-');
    const start = Number.parseInt(from as string, 16);
    return [start, to ? Number.parseInt(to, 16) : start];
  });
}

const covers = (ranges: Range[], code: number) => ranges.some(([a, b]) => code >= a && code <= b);

/** A package's subsets, in the order its unicode.json lists them, with their woff2 file at weight 400. */
function subsetsOf(
  packageName: string,
  resolveFrom: string,
): { name: string; file: string; ranges: string[] }[] {
  const require = createRequire(join(resolveFrom, 'package.json'));
  let packageJson: string;
  try {
    packageJson = require.resolve(`${packageName}/package.json`);
  } catch {
    throw new Error(`font package ${packageName} is not installed (npm install ${packageName})`);
  }
  const dir = dirname(packageJson);
  const unicodePath = join(dir, 'unicode.json');
  if (!existsSync(unicodePath))
    throw new Error(`${packageName} has no unicode.json: is it an @fontsource package?`);
  const unicode = JSON.parse(readFileSync(unicodePath, 'utf8')) as Record<string, string>;
  const base = packageName.split('/').pop() as string;
  return Object.entries(unicode).map(([name, ranges]) => ({
    name,
    file: join(dir, 'files', `${base}-${name}-400-normal.woff2`),
    ranges: ranges.split(','),
  }));
}

/**
 * The font files the labels need: for each character (packages in the story's order, then their subsets in
 * order), the first subset that covers it. Subsets that cover nothing new are left out.
 */
export function chooseFontFaces(
  texts: readonly string[],
  packages: readonly string[],
  resolveFrom: string,
): FontChoice {
  const examples = new Map<string, string>();
  for (const text of [ENGINE_LABEL_TEXT, ...texts])
    for (const char of text) if (!examples.has(char) && char.trim() !== '') examples.set(char, text);
  const pending = new Set(examples.keys());
  const faces: FontFace[] = [];
  for (const packageName of packages) {
    for (const subset of subsetsOf(packageName, resolveFrom)) {
      const ranges = parseRanges(subset.ranges);
      const covered = [...pending].filter((char) => covers(ranges, char.codePointAt(0) as number));
      if (covered.length === 0) continue;
      if (!existsSync(subset.file)) throw new Error(`${subset.file} is missing from ${packageName}`);
      faces.push({ file: subset.file, ranges: subset.ranges });
      for (const char of covered) pending.delete(char);
    }
  }
  const uncovered = [...pending].map((char) => ({ char, example: examples.get(char) as string }));
  return { faces, uncovered };
}

/**
 * Every text a story draws as a map label: place, area, water and country names in every language (the story's
 * countries are named from its manifest).
 */
export function labelTexts(files: {
  places: unknown;
  areas: unknown;
  basemap: unknown;
  countries?: readonly { name: string; names?: Record<string, string> }[];
}): string[] {
  const texts: string[] = [];
  const collect = (value: unknown) => {
    if (typeof value === 'string') texts.push(value);
    else if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  for (const file of [files.places, files.areas]) {
    for (const feature of featuresOf(file)) {
      const p = feature.properties ?? {};
      collect([p.name, p.altNames, p.names]);
    }
  }
  for (const feature of featuresOf(files.basemap)) {
    const p = feature.properties ?? {};
    if (p.kind === 'country-label' || p.kind === 'water-label') collect([p.name, p.nameNative]);
  }
  for (const country of files.countries ?? []) collect([country.name, country.names]);
  return texts;
}

function featuresOf(collection: unknown): { properties?: Record<string, unknown> }[] {
  const features = (collection as { features?: unknown })?.features;
  return Array.isArray(features) ? features : [];
}
