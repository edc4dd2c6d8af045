// Builds a story's uncertainty.geojson: for every claim drawn with an uncertainty radius, the area within which the
// true location may lie (its geometry grown by that radius). Derived from the story's claims.geojson only, so the
// browser does not need a buffering library; tests/node/uncertainty.test.ts checks the file is up to date.
// Usage: npm run build:uncertainty [-- --story DIR]
import { writeFileSync } from 'node:fs';
import { uncertaintyAreas } from '../src/geo/uncertainty.ts';
import { displayPath, readJsonFile, readStoryFolder, storyFromArgs } from './lib/story-folder.ts';

const { paths } = readStoryFolder(storyFromArgs(process.argv.slice(2)).dir);
const areas = uncertaintyAreas(readJsonFile(paths.claims) as Parameters<typeof uncertaintyAreas>[0]);
writeFileSync(paths.uncertainty, `${JSON.stringify(areas)}\n`);
console.log(`${displayPath(paths.uncertainty)}: ${areas.features.length} areas`);
