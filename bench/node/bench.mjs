// WASM benchmarks of the npm package (pkg/, built by scripts/build-npm) in Node, with CASL side by
// side in the same run. Reads the generated organisations and requests of target/bench-data
// (written by `cargo run --release -p secretariat_scale --bin bench-data`), prints one line per
// measure and writes every median to target/bench-node.json for scripts/bench's table.
//
//   node bench/node/bench.mjs [--quick] [--no-country] [--cold-only] [--cold-runs N]
//
// --cold-only: only the cold start against CASL (section 1), which needs neither the generated
// organisations nor the country; its medians are still written to target/bench-node.json.
// --cold-runs N: fresh processes of each side for the cold start (default 15, 5 with --quick).
//
// Medians: a measure is repeated in batches; each batch gives a time per call; the median of the
// batches is reported. Nothing here asserts a timing.
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createMongoAbility, subject } from '@casl/ability';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const withCountry = !args.includes('--no-country');
const coldOnly = args.includes('--cold-only');
const coldRuns = args.includes('--cold-runs') ? Number(args[args.indexOf('--cold-runs') + 1]) : undefined;
const pkg = join(root, 'pkg/index.cjs');
const targetDir = process.env.CARGO_TARGET_DIR ? resolve(process.env.CARGO_TARGET_DIR) : join(root, 'target');
const data = process.env.BENCH_DATA ?? join(targetDir, 'bench-data');
const demoPath = join(root, 'tests/fixtures/demo/org.json');
const NOW = '2026-11-23T10:00:00Z';
const FOCUS = 'sophie';

for (const need of coldOnly ? [pkg] : [pkg, join(data, 'region.json')]) {
  if (!existsSync(need)) {
    console.error(`bench-node: ${need} is missing (run scripts/build-npm and the bench-data generator, or scripts/bench)`);
    process.exit(1);
  }
}

const results = {};
const report = (id, value, unit) => {
  results[id] = value;
  const shown = unit === 'ns' ? `${value.toFixed(1)} ns` : `${value.toFixed(3)} ms`;
  console.log(`${id.padEnd(36)} ${shown}`);
};

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Median time per call in nanoseconds: `batches` batches of `batch` calls of `fn(i)`. */
function perCall(fn, batch, batches) {
  for (let i = 0; i < batch; i++) fn(i); // warm-up: JIT and caches
  const times = [];
  let sink = 0;
  for (let b = 0; b < batches; b++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < batch; i++) sink += fn(i) ? 1 : 0;
    const t1 = process.hrtime.bigint();
    times.push(Number(t1 - t0) / batch);
  }
  if (sink < 0) console.log(sink);
  return median(times);
}

/** Median of `runs` runs of `fn`, in milliseconds. */
function perRun(fn, runs) {
  const times = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

// 1. Cold start, each in a fresh process, ours and CASL's alternated: `require` the package,
//    instantiate the gate module + load the demo secretary's scope (what her browser receives,
//    issue 9) + first `can`, against `require` + build the same secretary's ability + first `can`;
//    then the same with `import` (ES modules) on both sides. Her scope is cut by the CLI
//    (`secretariat scope --org tests/fixtures/demo/org.json --secretary sophie`) into target/,
//    never committed; cold-browser.mjs serves the same file.
const require = createRequire(import.meta.url);
const { Policy } = require(pkg);
{
  const runs = coldRuns ?? (quick ? 5 : 15);
  mkdirSync(targetDir, { recursive: true });
  const scopePath = join(targetDir, `bench-scope-${FOCUS}.json`);
  rmSync(scopePath, { force: true });
  execFileSync('cargo', ['run', '--quiet', '--release', '--bin', 'secretariat', '--',
    'scope', '--org', demoPath, '--secretary', FOCUS, '--out', scopePath], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  const scope = readFileSync(scopePath, 'utf8'); // compact JSON, what a host sends
  const demoView = Policy.load(readFileSync(demoPath, 'utf8')).view(FOCUS, NOW);
  const demoRules = [];
  for (const account of demoView.practice) {
    for (const item of [...account.menu, ...account.buttons]) {
      if (item.shown) demoRules.push({ action: item.id, subject: 'Doctor', conditions: { id: account.doctor.id } });
    }
  }
  const rulesPath = join(targetDir, 'bench-casl-demo-rules.json');
  writeFileSync(rulesPath, JSON.stringify(demoRules));
  // Wall and CPU milliseconds: on a loaded machine the CPU time is the steadier of the two. The
  // side that starts a round alternates, so that neither always runs right after the other. Twice:
  // `require` (the target's measure) and an ES module's `import` (index.mjs; CASL's ES build).
  results['cold/runs'] = runs;
  results['cold/scope_bytes'] = Buffer.byteLength(scope);
  for (const mode of ['require', 'import']) {
    const ours = { ms: [], cpu: [], phases: {} };
    const theirs = { ms: [], cpu: [], phases: {} };
    const sample = (into, script, args) => {
      const { ms, cpu, allowed, phases } = JSON.parse(execFileSync(process.execPath, [join(here, script), ...args], { encoding: 'utf8' }));
      if (!allowed) throw new Error(`cold start (${script}): the first decision should allow`);
      into.ms.push(ms);
      into.cpu.push(cpu);
      for (const [phase, t] of Object.entries(phases)) (into.phases[phase] ??= []).push(t);
    };
    const entry = mode === 'require' ? pkg : pkg.replace(/\.cjs$/, '.mjs');
    for (let r = 0; r < runs; r++) {
      const both = [
        () => sample(ours, 'cold.mjs', [entry, scopePath, mode]),
        () => sample(theirs, 'cold-casl.mjs', [rulesPath, mode]),
      ];
      for (const run of r % 2 ? both.reverse() : both) run();
    }
    const phasesOf = ({ phases }) => Object.entries(phases).map(([p, ts]) => `${p} ${median(ts).toFixed(2)}`).join(', ');
    const suffix = mode === 'require' ? '' : '_import';
    report(`wasm/cold_start_demo${suffix}`, median(ours.ms), 'ms');
    report(`casl/cold_start_demo${suffix}`, median(theirs.ms), 'ms');
    report(`wasm/cold_start_demo${suffix}_cpu`, median(ours.cpu), 'ms');
    report(`casl/cold_start_demo${suffix}_cpu`, median(theirs.cpu), 'ms');
    console.log(`${`cold start, ${mode}: ours ÷ CASL`.padEnd(36)} ${(median(ours.ms) / median(theirs.ms)).toFixed(2)}× wall, ${(median(ours.cpu) / median(theirs.cpu)).toFixed(2)}× CPU (${runs} runs each, scope ${Buffer.byteLength(scope)} bytes)`);
    console.log(`${`cold start, ${mode}: phases (ms)`.padEnd(36)} ours: ${phasesOf(ours)}; CASL: ${phasesOf(theirs)} (wall, medians)`);
  }
}

if (coldOnly) {
  writeFileSync(join(targetDir, 'bench-node.json'), JSON.stringify(results, null, 2));
  console.error(`bench-node: cold start only; medians written to ${join(targetDir, 'bench-node.json')}`);
  process.exit(0);
}

const read = (name) => readFileSync(join(data, name), 'utf8');

// 2. Load (parse + check + index) of each scale.
const texts = { practice: read('practice.json'), region: read('region.json') };
if (withCountry && existsSync(join(data, 'country.json'))) texts.country = read('country.json');
report('wasm/load/practice', perRun(() => Policy.load(texts.practice).free(), quick ? 20 : 100), 'ms');
report('wasm/load/region', perRun(() => Policy.load(texts.region).free(), quick ? 3 : 7), 'ms');
const region = Policy.load(texts.region);
if (texts.country) {
  report('wasm/load/country', perRun(() => Policy.load(texts.country).free(), quick ? 1 : 3), 'ms');
  delete texts.country;
}

// 3. The gate from JS: the region's practice requests (all secretaries), strings in, boolean out.
const batch = quick ? 2000 : 20000;
const batches = quick ? 9 : 31;
for (const family of ['practice', 'icon', 'agenda', 'dossier_view']) {
  const reqs = JSON.parse(read(`requests-${family}.json`));
  const n = reqs.length;
  report(`wasm/can/${family}`, perCall((i) => {
    const r = reqs[i % n];
    return region.can(r.principal, r.action, r.resource, r.now);
  }, batch, batches), 'ns');
}

// 4. CASL side by side: the practice rules of one secretary, as CASL rules built from what the
//    engine says she may do (her view), asked the same questions.
{
  const view = region.view(FOCUS, NOW);
  const rules = [];
  for (const account of view.practice) {
    for (const item of [...account.menu, ...account.buttons]) {
      if (item.shown) rules.push({ action: item.id, subject: 'Doctor', conditions: { id: account.doctor.id } });
    }
  }
  const ability = createMongoAbility(rules);
  const permissions = view.practice[0].menu.concat(view.practice[0].buttons).map((i) => i.id);
  const regionFile = JSON.parse(texts.region);
  const others = regionFile.people.filter((p) => p.rpps).slice(100, 104).map((p) => p.id);
  const doctors = view.practice.map((a) => a.doctor.id).concat(others);
  const questions = [];
  for (const d of doctors) for (const p of permissions) questions.push({ p, d, subject: subject('Doctor', { id: d }), resource: `doctor:${d}`, action: `practice.${p}` });
  let differ = 0;
  for (const q of questions) if (ability.can(q.p, q.subject) !== region.can(FOCUS, q.action, q.resource, NOW)) differ++;
  if (differ) console.error(`bench-node: CASL and the engine differ on ${differ} of ${questions.length} questions`);
  const n = questions.length;
  results['casl/questions'] = n;
  results['casl/rules'] = rules.length;
  report('wasm/can/focus_practice', perCall((i) => {
    const q = questions[i % n];
    return region.can(FOCUS, q.action, q.resource, NOW);
  }, batch, batches), 'ns');
  if (typeof region.allows === 'function') {
    // The handle path: principal and gate resolved once (strings cross once), then numbers only.
    const ph = region.principal(FOCUS);
    const nowSeconds = region.seconds(NOW);
    const handles = questions.map((q) => region.gate(q.action, q.resource));
    for (let i = 0; i < n; i++) {
      if (region.allows(ph, handles[i], nowSeconds) !== region.can(FOCUS, questions[i].action, questions[i].resource, NOW)) differ++;
    }
    if (differ) console.error(`bench-node: allows and can differ on ${differ} questions`);
    report('wasm/allows/focus_practice', perCall((i) => region.allows(ph, handles[i % n], nowSeconds), batch, batches), 'ns');
  }
  report('casl/can/focus_practice', perCall((i) => {
    const q = questions[i % n];
    return ability.can(q.p, q.subject);
  }, batch, batches), 'ns');
}

// 5. Full view of the focus secretary, across the boundary (a JS object back), each scale in a
//    fresh process that holds only that organisation.
const views = [['practice', 'practice.json'], ['district_x1', 'district.json'], ['region_x10', 'region.json']];
if (withCountry && existsSync(join(data, 'country.json'))) views.push(['country_x100', 'country.json']);
for (const [name, file] of views) {
  const out = execFileSync(process.execPath, [join(here, 'view.mjs'), pkg, join(data, file), String(quick ? 50 : 300)], { encoding: 'utf8', maxBuffer: 1 << 20 });
  report(`wasm/view/${name}`, JSON.parse(out).ms, 'ms');
}

mkdirSync(targetDir, { recursive: true });
writeFileSync(join(targetDir, 'bench-node.json'), JSON.stringify(results, null, 2));
console.error(`bench-node: medians written to ${join(targetDir, 'bench-node.json')}`);
