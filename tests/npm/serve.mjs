// A tiny static server over the repository, bound to 127.0.0.1, for the host example:
//   scripts/build-npm && node tests/npm/serve.mjs [port]
//   → http://127.0.0.1:8081/web/host-example/
// The page imports ../../pkg/index.js and fetches ../../tests/fixtures/demo/org.json, so the
// repository root is served (read-only, GET and HEAD only, nothing outside the root).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ts': 'text/plain; charset=utf-8',
};

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** Serves `root` on 127.0.0.1:`port` (0: any free port); resolves to the server once listening. */
export function serve(root = ROOT, port = 0) {
  const server = createServer(async (request, response) => {
    try {
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        response.writeHead(405).end();
        return;
      }
      const path = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
      let file = normalize(join(root, path));
      if (file !== root && !file.startsWith(root + sep)) {
        response.writeHead(403).end();
        return;
      }
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      response.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      });
      response.end(request.method === 'HEAD' ? undefined : body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((done) => server.listen(port, '127.0.0.1', () => done(server)));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const server = await serve(ROOT, Number(process.argv[2] ?? 8081));
  const { port } = server.address();
  console.log(`serving ${ROOT} on http://127.0.0.1:${port}/web/host-example/ (Ctrl-C to stop)`);
}
