// Label fonts per story: the subsets of its @fontsource packages that its names need, and nothing else.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StoryFolder } from '../../scripts/lib/story-folder.ts';
import { chooseFontFaces, labelTexts } from '../../scripts/lib/story-fonts.ts';
import { fixture, ROOT, story } from './stories.ts';

const read = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
const texts = (folder: StoryFolder) =>
  labelTexts({
    places: read(folder.paths.places),
    areas: read(folder.paths.areas),
    basemap: read(folder.paths.basemap),
  });
const files = (folder: StoryFolder, packages = folder.manifest.fonts) =>
  chooseFontFaces(texts(folder), packages, ROOT);

describe('label fonts', () => {
  it('ship Latin, Latin Extended, Cyrillic and Armenian for the repository’s story, every character covered', () => {
    const choice = files(story);
    expect(choice.faces.map((f) => basename(f.file)).sort()).toEqual([
      'noto-sans-armenian-armenian-400-normal.woff2',
      'noto-sans-cyrillic-400-normal.woff2',
      'noto-sans-latin-400-normal.woff2',
      'noto-sans-latin-ext-400-normal.woff2',
    ]);
    expect(choice.uncovered).toEqual([]);
  });

  it('ship Devanagari (and Latin) for the fixture story, and no Armenian or Cyrillic', () => {
    const choice = files(fixture);
    expect(choice.faces.map((f) => basename(f.file)).sort()).toEqual([
      'noto-sans-devanagari-400-normal.woff2',
      'noto-sans-latin-400-normal.woff2',
    ]);
    expect(choice.uncovered).toEqual([]);
  });

  it('name the characters no listed package covers, with a text they occur in', () => {
    const choice = chooseFontFaces(['Ереван', 'Երևան'], ['@fontsource/noto-sans'], ROOT);
    // Noto Sans has Cyrillic but no Armenian: every letter of the Armenian name is named, with the name.
    expect(choice.uncovered.map((u) => u.char).join('')).toBe('Երևան');
    expect(choice.uncovered.every((u) => u.example === 'Երևան')).toBe(true);
  });

  it('say when a font package is not installed', () => {
    expect(() => chooseFontFaces(['x'], ['@fontsource/no-such-font'], ROOT)).toThrow(/is not installed/);
  });
});
