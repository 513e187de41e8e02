// What every browser test of the repository shares: Debian's Chromium with the flags this closed
// network needs (../shared/TOOLCHAIN.md), and one static server bound to 127.0.0.1.
//   node tests/lib/browser.mjs DIR [PORT]     serves DIR (relative to the repository) on PORT
// When DIR has a `_headers` file (the playground's: its CSP, written by scripts/playground-csp.mjs),
// the server sends those headers with every file, as a deployment must.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** Debian's Chromium (never a downloaded one). */
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** Without the networking flags Chromium floods the closed network (TOOLCHAIN.md). */
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
};

/**
 * The headers of a `_headers` file (Netlify's format: a path line, then indented `Name: value`
 * lines); only the rules for `/*` are read, as they apply to every file. `{}` when there is none.
 */
export async function headersOf(dir) {
  let text;
  try {
    text = await readFile(join(dir, '_headers'), 'utf8');
  } catch {
    return {};
  }
  const headers = {};
  let all = false;
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      all = line.trim() === '/*';
      continue;
    }
    const colon = line.indexOf(':');
    if (all && colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}

/**
 * Serves `dir` read-only (GET and HEAD, nothing outside it) on 127.0.0.1:`port` (0: any free port).
 * Resolves to `{ url, port, close }` once listening.
 */
export function serve(dir = ROOT, port = 0) {
  const root = resolve(ROOT, dir);
  const server = createServer(async (req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405).end();
        return;
      }
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
      let file = normalize(join(root, path));
      if (file !== root && !file.startsWith(root + sep)) {
        res.writeHead(403).end('forbidden');
        return;
      }
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, {
        ...(await headersOf(root)),
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => {
      const { port: p } = server.address();
      ok({ url: `http://127.0.0.1:${p}/`, port: p, close: () => new Promise((done) => server.close(done)) });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? '.';
  const { url } = await serve(dir, Number(process.argv[3] ?? 8080));
  console.error(`serving ${resolve(ROOT, dir)} on ${url} (Ctrl-C to stop)`);
}
