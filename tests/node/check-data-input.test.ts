// What `check:data` agrees to read: regular files only (a named pipe or a device is refused, not read), up to a
// stated size, in UTF-8 (a bad byte is named by its offset); and what counts as a data file at all.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeUtf8, firstInvalidUtf8 } from '../../src/data/utf8.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
const scratch = mkdtempSync(join(tmpdir(), 'check-data-input-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** One CLI run: a few seconds on a busy machine; 20 s means it waited on its input. */
const CLI_MS = 20_000;
const cli = (...files: string[]) =>
  spawnSync(tsx, [join(ROOT, 'scripts', 'check-data.ts'), ...files], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: CLI_MS,
    killSignal: 'SIGKILL',
  });
/** Each test runs the CLI once or twice, a few seconds each on a loaded 2-core machine. */
const TEST_MS = 60_000;
const posix = process.platform !== 'win32';

function file(name: string, content: string | Uint8Array): string {
  const path = join(scratch, name);
  writeFileSync(path, content);
  return path;
}

describe('check:data reads only what it should', () => {
  it.runIf(posix)('refuses a named pipe at once, without waiting for a writer', { timeout: TEST_MS }, () => {
    const pipe = join(scratch, 'pipe.places.geojson');
    expect(spawnSync('mkfifo', [pipe]).status).toBe(0);
    const result = cli(pipe);
    expect(result.signal, 'the CLI hung on the pipe').toBeNull();
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('pipe.places.geojson: (file): cannot read: this is a named pipe');
  });

  it.runIf(posix)('refuses an endless device without reading it', { timeout: TEST_MS }, () => {
    const result = cli('/dev/zero');
    expect(result.signal, 'the CLI hung reading /dev/zero').toBeNull();
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('/dev/zero: (file): cannot read: this is a character device');
  });

  it('refuses a file over the stated limit, saying the limit', { timeout: TEST_MS }, () => {
    const big = join(scratch, 'big.places.geojson');
    writeFileSync(big, '');
    truncateSync(big, 20 * 1024 * 1024 + 1);
    const result = cli(big);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('not read: 20,971,521 bytes; the limit is 20 MiB (20,971,520 bytes)');
  });

  it('refuses invalid UTF-8 with the offset of the first bad byte', { timeout: TEST_MS }, () => {
    const prefix = '{"type": "FeatureCollection", "features": [], "note": "caf';
    const bytes = Buffer.concat([Buffer.from(prefix), Buffer.from([0xe9]), Buffer.from('"}')]);
    const result = cli(file('latin1.places.geojson', bytes));
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(`not valid UTF-8: byte ${prefix.length} (0xE9) is out of place`);
  });

  it('does not take a top-level array, or any non-object, for a data file', { timeout: TEST_MS }, () => {
    const files = [
      file('empty-array.json', '[]'),
      file('numbers.json', '[1, 2]'),
      file('null.json', 'null'),
      file('number.json', '42'),
      file('text.json', '"a string"'),
    ];
    const result = cli(...files);
    expect(result.status).toBe(1);
    for (const name of ['empty-array', 'numbers', 'null', 'number', 'text']) {
      expect(result.stdout).toMatch(
        new RegExp(`${name}\\.json: \\(file\\): must be a GeoJSON FeatureCollection`),
      );
    }
    expect(result.stdout).not.toContain('check:data: OK');
  });

  it('does not take an empty sources.json either', { timeout: TEST_MS }, () => {
    const result = cli(file('sources.json', '[]'));
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('sources.json lists no sources');
  });
});

describe('strict UTF-8', () => {
  it('finds overlong forms, surrogates, code points past U+10FFFF and cut sequences', () => {
    const at = (...bytes: number[]) => firstInvalidUtf8(Uint8Array.from(bytes));
    expect(at(0x41, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x99, 0x82)).toBe(-1); // A é € 🙂
    expect(at(0x41, 0xc0, 0x80)).toBe(1); // overlong NUL
    expect(at(0xe0, 0x80, 0x80)).toBe(0); // overlong
    expect(at(0x41, 0x42, 0xed, 0xa0, 0x80)).toBe(2); // a surrogate
    expect(at(0xf4, 0x90, 0x80, 0x80)).toBe(0); // past U+10FFFF
    expect(at(0x41, 0xe2, 0x82)).toBe(1); // cut short
    expect(at(0x80)).toBe(0); // a lone continuation byte
    expect(decodeUtf8(Uint8Array.from([0xff, 0xfe, 0x41, 0x00]))).toMatchObject({
      ok: false,
      offset: 0,
      message: expect.stringContaining('UTF-16'),
    });
  });

  it('agrees with the platform’s strict decoder on any bytes', () => {
    const strict = new TextDecoder('utf-8', { fatal: true });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        let valid = true;
        try {
          strict.decode(bytes);
        } catch {
          valid = false;
        }
        expect(firstInvalidUtf8(bytes) === -1).toBe(valid);
        expect(decodeUtf8(bytes).ok).toBe(valid);
      }),
      { numRuns: 1000 },
    );
  });
});
