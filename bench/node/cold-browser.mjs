// The cold start in headless Chromium, side by side with CASL: a fresh browser context each round
// (no module or compiled-code cache), alternated. Ours: import the package (`pkg/index.js`), fetch
// and `load` the demo secretary's scope (what a page receives), answer the first `can`. CASL:
// import its bundled module, fetch her rules (what a page receives), build the same secretary's
// ability, answer the first `can`. Both as a page would load them (an ES module import, then its
// data fetched from the same server, which sends `.wasm` as `application/wasm` as any real server
// does), and timed inside the page from before the import to the answer (performance.now()); the
// medians of our phases are printed too (import, fetch of her scope, `load` — which waits for the
// `.wasm` — and the first `can`).
// Usage (from the repository root, after scripts/build-npm and `scripts/bench` or
// `node bench/node/bench.mjs --cold-only`, which write her scope — cut by `secretariat scope` — and
// the CASL rules into target/): node bench/node/cold-browser.mjs [ROUNDS]
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, ROOT, serve } from '../../tests/lib/browser.mjs';

const rounds = Number(process.argv[2] ?? 15);
// Her rules as CASL takes them, written by bench.mjs; the page fetches them.
readFileSync(join(ROOT, 'target/bench-casl-demo-rules.json'), 'utf8');

// CASL as one ES module a page can import (its own dependencies bundled in).
const dir = mkdtempSync(join(tmpdir(), 'secretariat-cold-'));
await build({
  stdin: { contents: "export { createMongoAbility, subject } from '@casl/ability';", resolveDir: join(ROOT, 'bench/node') },
  bundle: true, format: 'esm', minify: true, outfile: join(dir, 'casl.js'), logLevel: 'warning',
});
writeFileSync(join(ROOT, 'target/bench-casl.js'), readFileSync(join(dir, 'casl.js')));

const server = await serve(ROOT);
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
const ours = [];
const theirs = [];
/** Ours, per round: import the package, fetch her scope, `load` (waits for the `.wasm`), first `can`. */
const phases = [];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function once(run) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.url}/tests/fixtures/demo/scopes/index.json`);
  const result = await page.evaluate(run);
  await context.close();
  if (!result.allowed) throw new Error('the first decision should allow');
  if (result.phases) phases.push(result.phases);
  return result.ms;
}

for (let r = 0; r < rounds; r++) {
  ours.push(await once(async () => {
    const t = [performance.now()];
    const { load } = await import('/pkg/index.js');
    t.push(performance.now());
    const text = await (await fetch('/target/bench-scope-sophie.json')).text();
    t.push(performance.now());
    const policy = await load(text);
    t.push(performance.now());
    const allowed = policy.can('sophie', 'practice.agenda', 'doctor:dr-martin', '2026-11-23T10:00:00Z');
    t.push(performance.now());
    return { ms: t[4] - t[0], phases: t.slice(1).map((x, i) => x - t[i]), allowed };
  }));
  theirs.push(await once(async () => {
    const t0 = performance.now();
    const { createMongoAbility, subject } = await import('/target/bench-casl.js');
    const ability = createMongoAbility(await (await fetch('/target/bench-casl-demo-rules.json')).json());
    const allowed = ability.can('agenda', subject('Doctor', { id: 'dr-martin' }));
    return { ms: performance.now() - t0, allowed };
  }));
}
await browser.close();
await server.close();
const [a, b] = [median(ours), median(theirs)];
const phase = (i) => +median(phases.map((p) => p[i])).toFixed(2);
console.log(JSON.stringify({
  rounds, ours_ms: +a.toFixed(2), casl_ms: +b.toFixed(2), ratio: +(a / b).toFixed(2),
  ours_phases_ms: { import: phase(0), fetch_scope: phase(1), load: phase(2), first_can: phase(3) },
}));
