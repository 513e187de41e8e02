// What a reader copies from docs/FRONTEND.md and docs/SCOPE.md runs: every ```js block that runs
// outside a page is run here against the package in pkg/, its `import … from 'secretariat'` given
// by the package, with a stand-in server (`fs`, `app.get`, `fetch`) around the demo organisation.
// Blocks that need a page (`document`), the plain page and the React block run in Chromium
// (docs-page.test.mjs); the package README's blocks are the recipe apps (tests/recipes/readme.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pkg from 'secretariat';
import { ROOT } from '../lib/browser.mjs';

const DEMO = readFileSync(join(ROOT, 'tests/fixtures/demo/org.json'), 'utf8');
const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor;

/** The ```js blocks of a Markdown file (indented ones too), with their line numbers. */
function blocks(file) {
  const lines = readFileSync(join(ROOT, file), 'utf8').split('\n');
  const found = [];
  for (let i = 0; i < lines.length; i++) {
    const open = lines[i].match(/^(\s*)```js\s*$/);
    if (!open) continue;
    const body = [];
    for (i++; i < lines.length && lines[i].trim() !== '```'; i++) body.push(lines[i].slice(open[1].length));
    found.push({ at: `${file}:${i - body.length}`, code: body.join('\n') });
  }
  return found;
}

/** Runs a block as a module of a Node back end and its page would, and returns its `policy`. */
async function run(code) {
  const routes = new Map();
  const app = { get: (path, handler) => routes.set(path, handler) };
  const fs = { readFileSync: (path) => (path === 'org.json' ? DEMO : readFileSync(path, 'utf8')) };
  const scopeOf = async (id) => JSON.stringify((await (await pkg.load(DEMO)).admin()).scope(id));
  // What the server answers: the route the block declared, else her scope as a back end would cut it.
  const fetch = async (path) => {
    let body;
    const handler = routes.get(path);
    if (handler) handler({ user: { id: 'sophie' } }, { json: (value) => { body = JSON.stringify(value); } });
    else if (path === '/scope') body = await scopeOf('sophie');
    assert.ok(body !== undefined, `the block fetched ${path}, which no server here answers`);
    return { text: async () => body, json: async () => JSON.parse(body) };
  };
  const imports = /^import \{([^}]*)\} from 'secretariat';.*$/gm;
  const names = [...code.matchAll(imports)].flatMap((m) => m[1].split(',').map((n) => n.trim()));
  const body = `const { ${names.join(', ')} } = pkg;\n${code.replace(imports, '')}\n`
    + 'return typeof policy === "undefined" ? undefined : policy;';
  return new AsyncFunction('pkg', 'fs', 'app', 'fetch', body)(pkg, fs, app, fetch);
}

for (const file of ['docs/FRONTEND.md', 'docs/SCOPE.md']) {
  const all = blocks(file);
  test(`${file}: every block that runs outside a page runs, and answers for her`, async () => {
    assert.ok(all.length > 0, `${file} has no js block`);
    const outside = all.filter((b) => !/\bdocument\b/.test(b.code));
    assert.ok(outside.length > 0, `${file}: no block runs outside a page`);
    for (const { at, code } of outside) {
      const policy = await run(code);
      assert.ok(policy, `${at}: the block gives no policy`);
      assert.equal(policy.can('sophie', 'practice.agenda', 'doctor:dr-martin', '2026-11-23T10:00:00Z'), true, at);
    }
  });
}
