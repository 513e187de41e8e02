// What a reader copies from docs/FRONTEND.md for a page runs, in headless Chromium: the plain page
// (```html), every ```js block that needs a `document` (docs.test.mjs runs the others in Node) and
// the React block (```jsx, bundled by esbuild with React from npm). Each is given what its text
// assumes — a server answering `/scope` with the signed-in secretary's scope, `./pkg/index.js`, the
// components a React app would have — and what it shows is compared with what the engine answers
// for her, element by element.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../lib/browser.mjs';
import { bundleForPage, launch } from './chromium.mjs';

const FILE = 'docs/FRONTEND.md';
const NOW = new Date().toISOString();
const scopeOf = (id) => readFileSync(join(ROOT, `tests/fixtures/demo/scopes/${id}.json`), 'utf8');

/** The blocks of FRONTEND.md in `language` (indented ones too), with their line numbers. */
function blocks(language) {
  const lines = readFileSync(join(ROOT, FILE), 'utf8').split('\n');
  const found = [];
  for (let i = 0; i < lines.length; i++) {
    const open = lines[i].match(new RegExp(`^(\\s*)\`\`\`${language}\\s*$`));
    if (!open) continue;
    const body = [];
    for (i++; i < lines.length && lines[i].trim() !== '```'; i++) body.push(lines[i].slice(open[1].length));
    found.push({ at: `${FILE}:${i - body.length}`, code: body.join('\n') });
  }
  return found;
}

/** Markup to gate: the plain page's own elements, for the blocks that bring none. */
const MARKUP = `<nav>
  <a href="/agenda" data-requires="practice.agenda doctor:dr-martin">Agenda</a>
  <button data-requires="practice.export_patients doctor:dr-martin">Exporter</button>
  <a href="/rcp" data-requires="dcc.icon.agenda">Agenda RCP</a>
  <a href="/letters" data-requires="practice.letters doctor:dr-martin">Courriers</a>
</nav>`;

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/**
 * A fresh page at `path` holding `html`, whose `/scope` answers the scopes of `sessions` in turn
 * (a sign-in each), and whose `./pkg/` is the package.
 */
async function open(path, html, sessions) {
  const page = await browser.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  let signIn = 0;
  await page.route('**/scope', (route) => {
    const id = sessions[Math.min(signIn++, sessions.length - 1)];
    return route.fulfill({ contentType: 'application/json', body: scopeOf(id) });
  });
  await page.route(`**/${path}`, (route) => route.fulfill({ contentType: 'text/html', body: html }));
  await page.goto(browser.url(path));
  return { page, errors, signIns: () => signIn };
}

/** For each gated element: whether it is shown, and whether `principal` may (from her scope). */
function gated(page, principal) {
  return page.evaluate(async ({ who, scope, now }) => {
    const { load } = await import('/pkg/index.js');
    const policy = await load(scope);
    return Array.from(document.querySelectorAll('[data-requires]'), (e) => {
      const [action, resource] = e.dataset.requires.split(' ');
      return { requires: e.dataset.requires, shown: e.checkVisibility(), may: policy.can(who, action, resource, now) };
    });
  }, { who: principal, scope: scopeOf(principal), now: NOW });
}

function assertGatedFor(list, principal, at) {
  assert.ok(list.length > 0, `${at}: nothing gated`);
  assert.ok(list.some((e) => e.may) && list.some((e) => !e.may), `${at}: the markup must hold an allowed and a denied element`);
  for (const e of list) assert.equal(e.shown, e.may, `${at}: \`${e.requires}\` for ${principal}`);
}

test(`${FILE}: the plain page gates her menus from her scope`, async () => {
  const [block] = blocks('html');
  assert.ok(block, `${FILE} has no html block`);
  const { page, errors, signIns } = await open('docs-plain-page.html', `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,">\n${block.code}`, ['sophie']);
  await page.waitForFunction(() => document.querySelector('[data-requires][data-gate]') !== null, null, { timeout: 15000 })
    .catch(() => assert.fail(`${block.at}: the page did not gate: ${errors.join('; ')}`));
  assert.equal(signIns(), 1, `${block.at}: the page must fetch her scope once`);
  assertGatedFor(await gated(page, 'sophie'), 'sophie', block.at);
  assert.deepEqual(errors, [], block.at);
  await page.close();
});

test(`${FILE}: every js block that needs a page runs in one, from her scope`, async () => {
  const inPage = blocks('js').filter((b) => /\bdocument\b/.test(b.code));
  assert.ok(inPage.length > 0, `${FILE}: no js block needs a page`);
  for (const { at, code } of inPage) {
    const { page, errors, signIns } = await open('docs-block.html', `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><body>${MARKUP}</body>`, ['sophie', 'lea']);
    const imports = /^import \{([^}]*)\} from 'secretariat';.*$/gm;
    const names = [...code.matchAll(imports)].flatMap((m) => m[1].split(',').map((n) => n.trim()));
    const body = `const { ${names.join(', ')} } = await import('/pkg/index.js');\n${code.replace(imports, '')}`;
    await page.evaluate((text) => new (Object.getPrototypeOf(async () => {}).constructor)(text)(), body)
      .catch((e) => assert.fail(`${at}: ${e.message}`));
    // The last sign-in decides what the page shows: the scope of the last secretary it fetched.
    const last = ['sophie', 'lea'][Math.max(0, signIns() - 1)];
    assertGatedFor(await gated(page, last), last, at);
    assert.deepEqual(errors, [], at);
    await page.close();
  }
});

test(`${FILE}: the React block renders what the engine allows her`, async () => {
  const [block] = blocks('jsx');
  assert.ok(block, `${FILE} has no jsx block`);
  // What the block takes from the app around it: its own components and error reporter.
  const app = `${block.code}
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { load } from 'secretariat';
function AgendaLink() { return <a data-requires="practice.agenda doctor:dr-martin">Agenda</a>; }
function Infocentre() { return <a data-requires="dcc.icon.infocentre">Infocentre</a>; }
function Locked() { return <span id="locked">Infocentre : non</span>; }
function report(problem) { (window.problems ??= []).push(problem.message); }
const root = createRoot(document.getElementById('app'));
window.show = async (scope, id, now) => {
  const policy = await load(scope);
  flushSync(() => root.render(<Menu policy={policy} user={{ id }} now={now} doctor="dr-martin" />));
};
`;
  const bundle = await bundleForPage({
    stdin: { contents: app, loader: 'jsx', resolveDir: join(ROOT, 'tests/npm'), sourcefile: block.at },
  });
  const page = await browser.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.route('**/docs-react/**', (route) => (route.request().url().endsWith('/app.js')
    ? route.fulfill({ contentType: 'text/javascript', body: bundle })
    : route.fulfill({ contentType: 'text/html', body: '<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><div id="app"></div><script type="module" src="app.js"></script>' })));
  await page.goto(browser.url('docs-react/index.html'));
  await page.waitForFunction(() => typeof window.show === 'function', null, { timeout: 15000 })
    .catch(() => assert.fail(`${block.at}: the app did not start: ${errors.join('; ')}`));
  for (const id of ['sophie', 'lea']) {
    await page.evaluate(({ scope, who, now }) => window.show(scope, who, now), { scope: scopeOf(id), who: id, now: NOW });
    const may = await page.evaluate(async ({ scope, who, now }) => {
      const policy = await (await import('/pkg/index.js')).load(scope);
      return {
        agenda: policy.can(who, 'practice.agenda', 'doctor:dr-martin', now),
        infocentre: policy.can(who, 'dcc.icon.infocentre', undefined, now),
        export: policy.can(who, 'practice.export_patients', 'doctor:dr-martin', now),
      };
    }, { scope: scopeOf(id), who: id, now: NOW });
    const shown = await page.evaluate(() => ({
      agenda: document.querySelector('[data-requires^="practice.agenda"]') !== null,
      infocentre: document.querySelector('[data-requires="dcc.icon.infocentre"]') !== null,
      locked: document.getElementById('locked') !== null,
      export: Array.from(document.querySelectorAll('button')).some((b) => b.textContent === 'Exporter'),
    }));
    assert.deepEqual(shown, { ...may, locked: !may.infocentre }, `${block.at}: for ${id}`);
  }
  assert.deepEqual(await page.evaluate(() => window.problems ?? []), [], `${block.at}: problems reported`);
  assert.deepEqual(errors, [], block.at);
  await page.close();
});
