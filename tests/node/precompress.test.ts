// The build's pre-compressed copies: each decompresses to exactly its file, and none is kept that would not help.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { precompressFolder } from '../../scripts/build/precompress.ts';

describe('pre-compressed build files', () => {
  const folder = mkdtempSync(join(tmpdir(), 'precompress-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('writes .gz and .br beside each compressible file, each decompressing to the file', async () => {
    const text = JSON.stringify({ features: Array.from({ length: 500 }, (_, i) => ({ id: `claim-${i}` })) });
    writeFileSync(join(folder, 'data.geojson'), text);
    writeFileSync(join(folder, 'tiny.js'), 'x');
    writeFileSync(join(folder, 'font.woff2'), Buffer.from([1, 2, 3, 4]));
    await precompressFolder(folder);
    expect(gunzipSync(readFileSync(join(folder, 'data.geojson.gz'))).toString()).toBe(text);
    expect(brotliDecompressSync(readFileSync(join(folder, 'data.geojson.br'))).toString()).toBe(text);
    expect(readFileSync(join(folder, 'data.geojson.br')).length).toBeLessThan(text.length / 10);
    // A one-byte file grows when compressed; fonts are compressed already.
    expect(existsSync(join(folder, 'tiny.js.gz'))).toBe(false);
    expect(existsSync(join(folder, 'font.woff2.gz'))).toBe(false);
  });
});
