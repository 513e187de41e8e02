// Content Security Policy of the built playground, run by scripts/build-playground after Trunk:
//   node scripts/playground-csp.mjs [DIST]          (default: dist)
// 1. Allows each inline script Trunk wrote into DIST/index.html (its loader) by its sha256 in the
//    policy of web/index.html's <meta>, never by 'unsafe-inline' (refused if present).
// 2. Writes DIST/_headers: the headers a deployment must send (SECURITY.md), the same policy plus
//    what a <meta> cannot say (`frame-ancestors 'none'`). tests/lib/browser.mjs's server sends them.
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const dist = process.argv[2] ?? 'dist';
const page = join(dist, 'index.html');
let html = await readFile(page, 'utf8');

const META = /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")([^"]*)("\s*\/?>)/i;
const meta = html.match(META);
if (!meta) throw new Error(`${page}: no Content-Security-Policy <meta>`);

const hashes = [];
for (const [, attrs, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
  if (/\bsrc\s*=/i.test(attrs)) continue;
  hashes.push(`'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
}

const directives = meta[2].split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
  const [name, ...sources] = d.split(/\s+/);
  if (name !== 'script-src') return d;
  if (sources.includes("'unsafe-inline'")) throw new Error(`${page}: script-src must not allow 'unsafe-inline'`);
  return [name, ...sources.filter((s) => !s.startsWith("'sha256-")), ...hashes].join(' ');
});
const policy = directives.join('; ');
html = html.replace(META, `$1${policy}$3`);
await writeFile(page, html);

const headers = [
  '# What a deployment of the playground must send with every file (SECURITY.md, "Deploying the',
  '# playground"). Written by scripts/playground-csp.mjs; the format of Netlify and Cloudflare Pages.',
  '/*',
  `  Content-Security-Policy: ${policy}; frame-ancestors 'none'`,
  '  X-Content-Type-Options: nosniff',
  '  Referrer-Policy: no-referrer',
  '',
].join('\n');
await writeFile(join(dist, '_headers'), headers);
console.error(`csp: ${hashes.length} inline script(s) allowed by hash; headers in ${join(dist, '_headers')}`);
