// Builds data/uncertainty.geojson: for every claim drawn with an uncertainty radius, the area within which the
// true location may lie (its geometry grown by that radius). Derived from data/claims.geojson only, so the
// browser does not need a buffering library; tests/node/uncertainty.test.ts checks the file is up to date.
// Usage: npm run build:uncertainty
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { uncertaintyAreas } from '../src/geo/uncertainty.ts';

const ROOT = resolve(import.meta.dirname, '..');
const claims = JSON.parse(readFileSync(join(ROOT, 'data/claims.geojson'), 'utf8'));
const areas = uncertaintyAreas(claims);
writeFileSync(join(ROOT, 'data/uncertainty.geojson'), `${JSON.stringify(areas)}\n`);
console.log(`data/uncertainty.geojson: ${areas.features.length} areas`);
