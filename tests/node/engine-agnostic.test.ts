// The engine knows no story: nothing in src/, the build, the shared scripts or the HTML pages names a story's
// sides, places, countries, days or title. A story lives entirely in its folder (data/<story>/), so a second story
// needs no change anywhere else (tests/browser/story-fixture.test.ts builds and opens one).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StoryFolder } from '../../scripts/lib/story-folder.ts';
import { DEFAULT_STORY } from '../../scripts/lib/story-folder.ts';
import { fixture, ROOT, story } from './stories.ts';

/** Story-specific scripts that still live in scripts/ (they move into their story's folder with their recipe). */
const STORY_SCRIPTS = new Set(['scripts/build-border-lines.ts', 'scripts/measure-border-lines.ts']);

/** The engine: everything a story does not own. */
function engineFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.push(relative(ROOT, path));
    }
  };
  for (const dir of ['src', 'scripts', 'public', 'tests/bench']) walk(join(ROOT, dir));
  return [...files, 'index.html', 'embed.html', 'vite.config.ts'].filter(
    (f) => !STORY_SCRIPTS.has(f) && /\.(tsx?|html|css|json|svg|js)$/.test(f),
  );
}

/** Words that belong to one story: its id, title, sides, countries, places and days. */
function storyWords(folder: StoryFolder): string[] {
  const m = folder.manifest;
  const places = JSON.parse(readFileSync(folder.paths.places, 'utf8')) as {
    features: { properties: { id: string; name: string } }[];
  };
  return [
    m.id,
    m.texts.title,
    ...m.sides.filter((s) => s.id !== 'third-party').flatMap((s) => [s.id, s.label]),
    ...m.countries.flatMap((c) => [c.name, c.code]),
    ...places.features.flatMap((f) => [f.properties.id, f.properties.name]),
    m.dates.first.slice(0, 4) === m.dates.last.slice(0, 4) ? `${m.dates.first.slice(0, 4)}-` : m.dates.first,
  ].filter((w) => w.length >= 3);
}

describe('the engine knows no story', () => {
  const files = engineFiles();

  it('reads every engine file (src, scripts, public, the pages, the build)', () => {
    expect(files).toContain('src/map/style.ts');
    expect(files).toContain('index.html');
    expect(files.length).toBeGreaterThan(80);
  });

  for (const folder of [story, fixture]) {
    it(`names nothing of ${folder.manifest.id}`, () => {
      const words = storyWords(folder);
      const found: string[] = [];
      for (const file of files) {
        const text = readFileSync(join(ROOT, file), 'utf8')
          // The one place the default story is named: which folder the build and the CLIs take without STORY.
          .replace(`'${DEFAULT_STORY}'`, "'(default story)'");
        for (const word of words) {
          const pattern = new RegExp(
            `(^|[^\\p{L}\\p{N}_-])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`,
            'iu',
          );
          if (pattern.test(text)) found.push(`${file}: "${word}"`);
        }
      }
      expect(found).toEqual([]);
    });
  }
});
