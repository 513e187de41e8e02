// Runs one recipe app the way its user would, and compares what it shows with the recipe's
// `expected.txt` (tests are data: a recipe's answer is a file beside it). Run from the recipe's folder
// (its `npm test` calls it). A server-side app (Node, a test runner, Next.js) reads the repository's
// demo organisation, copied in as `org.json` where it reads it; a page is served only sophie's scope,
// as `scope.json` (what a back end cuts for her session), and no `org.json` at all: a page that
// fetched the organisation would fail here.
//
//   node ../harness.mjs node FILE [--isolated DIR]     stdout of `node FILE` (in a copy of DIR, alone)
//   node ../harness.mjs page DIR [--page P] [--expect F] [--copy FILE]... [--no-js] [--blocked]
//                                [--without-wasm-eval]  DIR served statically, page P in Chromium
//   node ../harness.mjs vite-dev                        the same against `vite` (the dev server)
//   node ../harness.mjs next                            the same against `next start`, JavaScript off
//
// A page passes when its visible text (`innerText`: hidden elements are not in it), line by line,
// equals the expected file within 15 s, with no error in the console, and — unless `--no-js` — when
// it fetched the `.wasm` as `application/wasm` (a dev server answering HTML instead is the classic
// failure). `--without-wasm-eval` takes `'wasm-unsafe-eval'` out of the page's CSP; with `--blocked`
// the page is expected to fail to compile the engine, so its console errors are expected: what
// matters is what stays hidden.
//   node ../harness.mjs run CMD [ARG]...                `org.json` in place, then CMD (a test runner)
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, ROOT, serve } from '../lib/browser.mjs';

const ORG = join(ROOT, 'tests/fixtures/demo/org.json');
const SCOPE = join(ROOT, 'tests/fixtures/demo/scopes/sophie.json');
const [mode, ...args] = process.argv.slice(2);
const recipe = process.cwd();

function option(name, fallback) {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : fallback;
}
const flag = (name) => args.includes(name);
const all = (name) => args.flatMap((a, i) => (a === name ? [args[i + 1]] : []));

/** The text, one trimmed non-empty line each, that a person reads. */
const lines = (text) => text.split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean).join('\n');
const expected = () => lines(readFileSync(join(recipe, option('--expect', 'expected.txt')), 'utf8'));

function fail(message) {
  console.error(`recipe ${recipe.split('/').pop()}: ${message}`);
  process.exit(1);
}

function compare(actual, what, context = '') {
  const want = expected();
  if (lines(actual) !== want) {
    fail(`${what} differs from ${option('--expect', 'expected.txt')}\n--- expected\n${want}\n--- actual\n${lines(actual)}${context}`);
  }
}

/** A free TCP port on 127.0.0.1. */
function freePort() {
  return new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

/** Starts a server command and resolves once `url` answers; the child is killed at exit. */
async function start(command, commandArgs, url, env = {}) {
  const child = spawn(command, commandArgs, { cwd: recipe, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.on('data', (d) => { log += d; });
  child.stderr.on('data', (d) => { log += d; });
  process.on('exit', () => child.kill());
  for (let i = 0; i < 600; i += 1) {
    if (child.exitCode !== null) fail(`${command} exited (${child.exitCode}):\n${log}`);
    try {
      await fetch(url);
      return { stop: () => child.kill(), log: () => log };
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  child.kill();
  return fail(`${command} did not answer on ${url} within 60 s:\n${log}`);
}

/** Opens `url` in Chromium and checks it as described at the top. */
async function checkPage(url, { javaScript = true, blocked = false, withoutWasmEval = false } = {}) {
  const userData = mkdtempSync(join(tmpdir(), 'secretariat-recipe-'));
  const context = await chromium.launchPersistentContext(userData, {
    executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, javaScriptEnabled: javaScript,
  });
  const errors = [];
  const wasm = [];
  const console = () => `\n--- console errors\n${errors.join('\n') || '(none)'}\n--- .wasm fetched\n${wasm.join('\n') || '(none)'}`;
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      // Chromium asks every site for /favicon.ico; the recipes have none, which is not their fault.
      if (m.type() === 'error' && !m.location().url?.endsWith('/favicon.ico')) errors.push(m.text());
    });
    page.on('response', (r) => {
      if (new URL(r.url()).pathname.endsWith('.wasm')) wasm.push(`${r.status()} ${r.headers()['content-type']} ${r.url()}`);
    });
    if (withoutWasmEval) {
      // The same page under a CSP that lacks 'wasm-unsafe-eval': the browser refuses to compile.
      await page.route(url, async (route) => {
        const response = await route.fetch();
        const html = await response.text();
        const body = html.replace(" 'wasm-unsafe-eval'", '');
        if (body === html) fail(`${url} has no 'wasm-unsafe-eval' in its CSP to take out`);
        await route.fulfill({ response, body });
      });
    }
    await page.goto(url);
    const want = expected();
    try {
      await page.waitForFunction(
        (w) => document.body.innerText.split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean).join('\n') === w,
        want, { timeout: 15000, polling: 50 },
      );
    } catch {
      compare(await page.evaluate(() => document.body.innerText), `the visible text of ${url}`, console());
    }
    // What is shown has settled: it stays so (nothing reappears once the engine answers or fails).
    await page.waitForTimeout(300);
    compare(await page.evaluate(() => document.body.innerText), `the visible text of ${url}, 300 ms later`, console());
  } finally {
    await context.close();
    rmSync(userData, { recursive: true, force: true });
  }
  if (!blocked && errors.length) fail(`errors in the console of ${url}:\n${errors.join('\n')}`);
  if (blocked && !errors.length) fail(`${url} was expected to be refused the WebAssembly, and was not`);
  if (javaScript && !wasm.some((w) => w.startsWith('200 application/wasm'))) {
    fail(`${url} did not fetch the engine as application/wasm: ${wasm.join(', ') || 'no .wasm requested'}`);
  }
  if (!javaScript && wasm.length) fail(`${url} fetched a .wasm with JavaScript off: ${wasm.join(', ')}`);
}

const copyOrg = (dir) => cpSync(ORG, join(dir, 'org.json'));
/** What a page's server holds: her scope, never the organisation. */
function copyScope(dir) {
  rmSync(join(dir, 'org.json'), { force: true });
  cpSync(SCOPE, join(dir, 'scope.json'));
}

switch (mode) {
  case 'node': {
    const [file] = args;
    let cwd = recipe;
    const isolated = option('--isolated');
    if (isolated) {
      cwd = mkdtempSync(join(tmpdir(), 'secretariat-recipe-'));
      cpSync(resolve(recipe, isolated), cwd, { recursive: true });
      process.on('exit', () => rmSync(cwd, { recursive: true, force: true }));
    }
    copyOrg(cwd);
    const run = spawnSync(process.execPath, [file], { cwd, encoding: 'utf8' });
    if (run.status !== 0) fail(`node ${file} exited (${run.status}):\n${run.stdout}${run.stderr}`);
    compare(run.stdout, `the output of node ${file}${isolated ? ` (alone in a copy of ${isolated}/)` : ''}`);
    break;
  }
  case 'page': {
    const dir = resolve(recipe, args[0]);
    copyScope(dir);
    for (const file of all('--copy')) cpSync(resolve(recipe, file), join(dir, file));
    const server = await serve(dir);
    try {
      await checkPage(server.url + option('--page', ''), {
        javaScript: !flag('--no-js'), blocked: flag('--blocked'), withoutWasmEval: flag('--without-wasm-eval'),
      });
    } finally {
      await server.close();
    }
    break;
  }
  case 'vite-dev': {
    copyScope(join(recipe, 'public'));
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/`;
    const server = await start(join(recipe, 'node_modules/.bin/vite'), ['--host', '127.0.0.1', '--port', `${port}`, '--strictPort'], url);
    try {
      await checkPage(url);
    } finally {
      server.stop();
    }
    break;
  }
  case 'next': {
    copyOrg(recipe);
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/`;
    const server = await start(join(recipe, 'node_modules/.bin/next'), ['start', '-H', '127.0.0.1', '-p', `${port}`], url, { NEXT_TELEMETRY_DISABLED: '1' });
    try {
      await checkPage(url, { javaScript: false });
    } finally {
      server.stop();
    }
    break;
  }
  case 'run': {
    copyOrg(recipe);
    const [command, ...rest] = args;
    const run = spawnSync(command, rest, { cwd: recipe, stdio: 'inherit' });
    process.exitCode = run.status ?? 1;
    break;
  }
  default:
    fail(`unknown mode \`${mode}\` (node, page, vite-dev, next, run)`);
}
