// The benchmark's static server: serves a folder the way the README asks a host to serve dist/. Pre-compressed
// siblings (`file.br`, `file.gz`, written by `npm run build`) are sent as they are when the browser accepts them;
// a folder built without them (the bare baseline page) is compressed on the fly once per file, so both pages are
// measured with compressed transfer. Hashed files under assets/ are cacheable for a year (their names change with
// their content); pages are revalidated.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

/** Already-compressed formats: compressing them again only costs time. */
const INCOMPRESSIBLE = new Set(['.woff2', '.woff', '.png', '.br', '.gz']);

export interface BenchServer {
  origin: string;
  close: () => Promise<void>;
}

export async function serveCompressed(folder: string, { compress = true } = {}): Promise<BenchServer> {
  const onTheFly = new Map<string, Buffer>();
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const file = normalize(join(folder, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(folder) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end('not found');
      return;
    }
    const accepts = String(request.headers['accept-encoding'] ?? '');
    const headers: Record<string, string> = {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      vary: 'accept-encoding',
    };
    let body: Buffer = readFileSync(file);
    const encoding =
      !compress || INCOMPRESSIBLE.has(extname(file))
        ? null
        : accepts.includes('br')
          ? 'br'
          : accepts.includes('gzip')
            ? 'gzip'
            : null;
    if (encoding) {
      const sibling = `${file}.${encoding === 'br' ? 'br' : 'gz'}`;
      if (existsSync(sibling)) body = readFileSync(sibling);
      else {
        const key = `${file}|${encoding}`;
        let packed = onTheFly.get(key);
        if (!packed) {
          packed =
            encoding === 'br'
              ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
              : gzipSync(body, { level: 9 });
          onTheFly.set(key, packed);
        }
        body = packed;
      }
      headers['content-encoding'] = encoding;
    }
    headers['content-length'] = String(body.length);
    response.writeHead(200, headers);
    response.end(body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
