// Vite plugin: after the build, writes `file.gz` (gzip -9) and `file.br` (brotli, quality 11) beside every file
// that compresses, so a static server can send them as they are (nginx gzip_static / brotli_static, Caddy
// `file_server { precompressed br gzip }`, …; see the README) instead of compressing on each request or not at all.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const COMPRESSIBLE = /\.(html|js|mjs|css|json|geojson|svg|txt|xml|map)$/;
const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Compresses every compressible file of `folder`; keeps a copy only where it is smaller than the file. */
export async function precompressFolder(folder: string): Promise<{ files: number; written: number }> {
  const files = filesUnder(folder).filter((file) => COMPRESSIBLE.test(file));
  let written = 0;
  await Promise.all(
    files.map(async (file) => {
      const source = readFileSync(file);
      const size = statSync(file).size;
      const [gz, br] = await Promise.all([
        gzipAsync(source, { level: 9 }),
        brotliAsync(source, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_SIZE_HINT]: size,
          },
        }),
      ]);
      for (const [suffix, packed] of [
        ['.gz', gz],
        ['.br', br],
      ] as const) {
        if (packed.length < size) {
          writeFileSync(`${file}${suffix}`, packed);
          written++;
        }
      }
    }),
  );
  return { files: files.length, written };
}

export function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    async closeBundle() {
      const { files, written } = await precompressFolder(outDir);
      this.info?.(`pre-compressed ${files} files (${written} .gz/.br copies written)`);
    },
  };
}
