// The two stories the node tests use: engine tests run against the made-up fixture story (sides, lines and areas
// that are not the real story's), story tests against the repository's own story. Both are read as the CLIs and
// the build read them (scripts/lib/story-folder.ts).
import { join } from 'node:path';
import {
  ROOT,
  readCheckInputs,
  readJsonFile,
  readStoryFolder,
  type StoryFolder,
  storyDir,
} from '../../scripts/lib/story-folder.ts';
import { type DataFile, detectLayer } from '../../src/data/validate.ts';

export { ROOT };

/** The made-up dispute in tests/fixtures/stories/northvale-southmark. */
export const FIXTURE_DIR = join(ROOT, 'tests/fixtures/stories/northvale-southmark');
export const fixture: StoryFolder = readStoryFolder(FIXTURE_DIR);

/** The repository's own story (the default one). */
export const story: StoryFolder = readStoryFolder(storyDir());

/** A story's data files as the validator takes them, named as the repository names them. */
export function dataFiles(folder: StoryFolder): DataFile[] {
  const { paths, manifest } = folder;
  const files = [
    paths.sources,
    paths.places,
    paths.areas,
    paths.claims,
    ...manifest.borderLines.map((l) => paths[`border:${l.id}`]),
    paths.basemap,
  ];
  return files.map((path) => {
    const file = path.slice(ROOT.length + 1);
    const data = readJsonFile(path);
    return { file, layer: detectLayer(file, data), data };
  });
}

/** The checks engine's inputs, read from a story folder (as scripts/checks.ts reads them). */
export const checkInputs = readCheckInputs;
