// Swaps a built folder's data files for other contents: the benchmark's scale series and the browser tests that run
// the built app on generated claims.
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Writes each file's new text over the built one of that name (`claims` is assets/claims-<hash>.geojson), and
 * removes its pre-compressed copies, which a server would otherwise send instead.
 */
export function replaceBuiltData(folder: string, files: Record<string, string>): void {
  const assets = join(folder, 'assets');
  const names = readdirSync(assets);
  for (const [name, text] of Object.entries(files)) {
    const file = names.find((candidate) => new RegExp(`^${name}-[\\w-]+\\.geojson$`).test(candidate));
    if (!file) throw new Error(`${assets} has no ${name} file`);
    writeFileSync(join(assets, file), text);
    rmSync(join(assets, `${file}.gz`), { force: true });
    rmSync(join(assets, `${file}.br`), { force: true });
  }
}
