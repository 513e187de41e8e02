// The cold start in headless Chromium, side by side with CASL: a fresh browser context each round
// (no module or compiled-code cache), alternated. Ours: import the package (`pkg/index.js`), fetch
// and `load` the demo secretary's scope (what a page receives), answer the first `can`. CASL:
// import its bundled module, fetch her rules (what a page receives), build the same secretary's
// ability, answer the first `can`. Both as a page would load them (an ES module import, then its
// data fetched from the same server, which sends `.wasm` as `application/wasm` as any real server
// does), and timed inside the page from before the import to the answer (performance.now()); the
// medians of both sides' phases are printed too (ours: import, fetch of her scope, `load` — which
// waits for the `.wasm` — and the first `can`; CASL's: import, fetch of her rules, build, first
// `can`), and the renderer's main-thread time over the round (`cpu_ms`: the DevTools protocol's
// `TaskDuration`, the counterpart of Node's CPU time; compilation on other threads is not in it),
// steadier than wall time on a loaded machine. The side that starts a round alternates.
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
/** Per side: wall ms, main-thread ms and the phases of each round. */
const ours = { ms: [], cpu: [], phases: [] };
const theirs = { ms: [], cpu: [], phases: [] };
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The renderer's main-thread busy time so far, in milliseconds. */
async function busy(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return 1000 * metrics.find((m) => m.name === 'TaskDuration').value;
}

async function once(into, run) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.url}/tests/fixtures/demo/scopes/index.json`);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const before = await busy(cdp);
  const result = await page.evaluate(run);
  const cpu = (await busy(cdp)) - before;
  await context.close();
  if (!result.allowed) throw new Error('the first decision should allow');
  into.ms.push(result.ms);
  into.cpu.push(cpu);
  into.phases.push(result.phases);
}

const runOurs = () => once(ours, async () => {
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
});
const runTheirs = () => once(theirs, async () => {
  const t = [performance.now()];
  const { createMongoAbility, subject } = await import('/target/bench-casl.js');
  t.push(performance.now());
  const rules = await (await fetch('/target/bench-casl-demo-rules.json')).json();
  t.push(performance.now());
  const ability = createMongoAbility(rules);
  t.push(performance.now());
  const allowed = ability.can('agenda', subject('Doctor', { id: 'dr-martin' }));
  t.push(performance.now());
  return { ms: t[4] - t[0], phases: t.slice(1).map((x, i) => x - t[i]), allowed };
});

for (let r = 0; r < rounds; r++) {
  if (r % 2) {
    await runTheirs();
    await runOurs();
  } else {
    await runOurs();
    await runTheirs();
  }
}
await browser.close();
await server.close();
const ms = (x) => +x.toFixed(2);
const phases = (side, names) => Object.fromEntries(names.map((n, i) => [n, ms(median(side.phases.map((p) => p[i])))]));
console.log(JSON.stringify({
  rounds,
  ours_ms: ms(median(ours.ms)),
  casl_ms: ms(median(theirs.ms)),
  ratio: ms(median(ours.ms) / median(theirs.ms)),
  ours_cpu_ms: ms(median(ours.cpu)),
  casl_cpu_ms: ms(median(theirs.cpu)),
  cpu_ratio: ms(median(ours.cpu) / median(theirs.cpu)),
  ours_phases_ms: phases(ours, ['import', 'fetch_scope', 'load', 'first_can']),
  casl_phases_ms: phases(theirs, ['import', 'fetch_rules', 'build', 'first_can']),
}));
