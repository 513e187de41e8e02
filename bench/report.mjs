// Prints the table of medians, ratios and targets from the last runs: criterion's estimates
// (target/criterion/**/new/estimates.json), the Node run (target/bench-node.json) and the .wasm
// sizes (pkg/, dist/). Markdown, so BENCHMARKS.md can quote it as it is. Run by scripts/bench.
import { readFileSync, existsSync, readdirSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const target = process.env.CARGO_TARGET_DIR ? resolve(process.env.CARGO_TARGET_DIR) : join(root, 'target');

/** Criterion's median for an id such as `decision/practice/engine`, in ns; null when not run. */
function criterion(id) {
  const file = join(target, 'criterion', id, 'new', 'estimates.json');
  if (!existsSync(file)) return null;
  return JSON.parse(readFileSync(file, 'utf8')).median.point_estimate;
}
const nodeFile = join(target, 'bench-node.json');
const node = existsSync(nodeFile) ? JSON.parse(readFileSync(nodeFile, 'utf8')) : {};

const fmt = (ns) => {
  if (ns == null) return '–';
  if (ns < 1e3) return `${ns.toFixed(1)} ns`;
  if (ns < 1e6) return `${(ns / 1e3).toFixed(2)} µs`;
  if (ns < 1e9) return `${(ns / 1e6).toFixed(2)} ms`;
  return `${(ns / 1e9).toFixed(2)} s`;
};
const ratio = (a, b) => (a == null || b == null ? '–' : `${(a / b).toFixed(a / b >= 100 ? 0 : 1)}×`);
const verdict = (ok) => (ok == null ? '–' : ok ? 'met' : '**missed**');
const ms = (x) => (x == null ? null : x * 1e6);

const machine = (() => {
  let model = cpus()[0]?.model ?? 'unknown';
  try {
    const line = execFileSync('lscpu', { encoding: 'utf8' }).split('\n').find((l) => l.startsWith('Model name'));
    if (line) model = line.split(':')[1].trim();
  } catch { /* lscpu absent */ }
  const [l1, l5] = loadavg();
  return `${cpus().length} cores, ${model}; Node ${process.version}; load average ${l1.toFixed(2)} (1 min), ${l5.toFixed(2)} (5 min) when the table was printed`;
})();

const lines = [];
const out = (s = '') => lines.push(s);
out(`Machine: ${machine}.`);
out();
out('### Native decisions, region scale (2,000 doctors, 800 secretaries, 50,000 dossiers) — median per decision');
out();
out('| family | engine, resolved query | engine, from strings | Cedar (same requests) | Cedar ÷ engine (strings) | Cedar ÷ engine (resolved) |');
out('|---|---|---|---|---|---|');
const families = ['practice', 'icon', 'agenda', 'session', 'dossier_view', 'validate', 'report'];
let worstStrings = null;
let worstResolved = null;
let worstRatio = null;
for (const f of families) {
  const e = criterion(`decision/${f}/engine`);
  const s = criterion(`decision/${f}/engine_strings`);
  const c = criterion(`decision/${f}/cedar`);
  if (s != null) worstStrings = Math.max(worstStrings ?? 0, s);
  if (e != null) worstResolved = Math.max(worstResolved ?? 0, e);
  if (s != null && c != null) worstRatio = Math.min(worstRatio ?? Infinity, c / s);
  out(`| ${f} | ${fmt(e)} | ${fmt(s)} | ${fmt(c)} | ${ratio(c, s)} | ${ratio(c, e)} |`);
}
out();

const sizes = {};
const size = (name, dir, match) => {
  const d = join(root, dir);
  if (!existsSync(d)) return;
  const files = readdirSync(d).filter(match).map((f) => join(d, f)).sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  if (!files.length) return;
  // gzip -9, as scripts/sizes measures (zlib's level 9 differs by a percent or two).
  const raw = statSync(files[0]).size;
  const gz = execFileSync('gzip', ['-9', '-c', files[0]], { maxBuffer: 1 << 30 }).length;
  sizes[name] = { raw, gz };
};
size('npm', 'pkg', (f) => f === 'secretariat_bg.wasm');
size('npm_admin', 'pkg', (f) => f === 'secretariat_admin_bg.wasm');
size('playground', 'dist', (f) => f.endsWith('_bg.wasm'));
const kb = (b) => (b == null ? '–' : `${(b / 1024).toFixed(1)} KB`);

out('### Targets');
out();
out('| measure | median | target | verdict |');
out('|---|---|---|---|');
const row = (what, value, targetText, ok) => out(`| ${what} | ${value} | ${targetText} | ${verdict(ok)} |`);
row('native single decision, region, slowest family (from strings)', fmt(worstStrings), '≤ 100 ns', worstStrings == null ? null : worstStrings <= 100);
row('native single decision, region, slowest family (resolved query, the gate\'s hot path)', fmt(worstResolved), '≤ 100 ns', worstResolved == null ? null : worstResolved <= 100);
row('Cedar ÷ engine, same requests, least favourable family', worstRatio == null ? '–' : `${worstRatio.toFixed(0)}×`, '≥ 40×', worstRatio == null ? null : worstRatio >= 40);
const canStrings = node['wasm/can/focus_practice'];
const allows = node['wasm/allows/focus_practice'];
const gate = allows ?? canStrings;
const casl = node['casl/can/focus_practice'];
if (allows != null) {
  row('gate check from JS, handles (`allows(principal, gate, now)`), one secretary\'s practice questions', fmt(allows), '≤ 0.3 µs', allows <= 300);
}
row('gate check from JS, strings (`can(principal, action, resource, now)`), same questions', fmt(canStrings), '≤ 0.3 µs', canStrings == null ? null : canStrings <= 300);
row('… the same questions to CASL `can()` (same run)', fmt(casl), 'slower than our gate check', gate == null || casl == null ? null : gate < casl);
row('… CASL `can()` against our `can()` with strings (same run)', fmt(casl), 'slower than our `can()`', canStrings == null || casl == null ? null : canStrings < casl);
row('npm gate module `.wasm` gzipped', kb(sizes.npm?.gz), '≤ 60 KB', sizes.npm ? sizes.npm.gz <= 60 * 1024 : null);
const cold = ms(node['wasm/cold_start_demo']);
const coldCasl = ms(node['casl/cold_start_demo']);
row('instantiate + load the demo secretary\'s scope + first decision (Node, fresh process)', fmt(cold), '≤ 5 ms', cold == null ? null : cold <= 5e6);
row('… CASL: `require` + build the demo secretary\'s ability + first `can` (alternated)', fmt(coldCasl), 'ours ≤ this', cold == null || coldCasl == null ? null : cold <= coldCasl);
const coldCpu = ms(node['wasm/cold_start_demo_cpu']);
const coldCaslCpu = ms(node['casl/cold_start_demo_cpu']);
row('… the same two in CPU time (steadier on a loaded machine): ours', fmt(coldCpu), 'ours ≤ CASL', coldCpu == null || coldCaslCpu == null ? null : coldCpu <= coldCaslCpu);
row('… CASL, CPU time', fmt(coldCaslCpu), '', null);
const coldImport = ms(node['wasm/cold_start_demo_import']);
const coldImportCasl = ms(node['casl/cold_start_demo_import']);
row('… the same by ES module `import` (`index.mjs`; CASL\'s ES build), ours', fmt(coldImport), 'ours ≤ CASL', coldImport == null || coldImportCasl == null ? null : coldImport <= coldImportCasl);
row('… CASL, `import`', fmt(coldImportCasl), '', null);
const viewC = criterion('view/country_x100');
row('view of one secretary, country, native', fmt(viewC), '≤ 1 ms', viewC == null ? null : viewC <= 1e6);
const viewW = ms(node['wasm/view/country_x100']);
row('view of one secretary, country, WASM (JS object out)', fmt(viewW), '≤ 3 ms', viewW == null ? null : viewW <= 3e6);
const loadW = ms(node['wasm/load/country']);
row('load country in WASM', fmt(loadW), '≤ 1 s', loadW == null ? null : loadW <= 1e9);
row('playground `.wasm` gzipped', kb(sizes.playground?.gz), '≤ 400 KB', sizes.playground ? sizes.playground.gz <= 400 * 1024 : null);
out();

out('### View of the focus secretary as the organisation grows around her (her doctors, RCPs, dossiers unchanged)');
out();
out('| organisation | native | WASM (JS object out) |');
out('|---|---|---|');
for (const [name, label] of [['practice', 'practice (5 doctors)'], ['district_x1', '×1 district (4 centres, 5,000 dossiers)'], ['region_x10', '×10 region (40 centres, 50,000 dossiers)'], ['country_x100', '×100 country (400 centres, 500,000 dossiers)']]) {
  out(`| ${label} | ${fmt(criterion(`view/${name}`))} | ${fmt(ms(node[`wasm/view/${name}`]))} |`);
}
out();
out('### Load (parse + check + index) and simulation');
out();
out('| measure | native | WASM |');
out('|---|---|---|');
for (const s of ['practice', 'region', 'country']) {
  out(`| load ${s} | ${fmt(criterion(`load/${s}`))} | ${fmt(ms(node[`wasm/load/${s}`]))} |`);
}
out(`| simulate one change and diff, region | ${fmt(criterion('simulate/region'))} | – |`);
out();
out('### Gate from JS, per family (region, strings in, boolean out)');
out();
out('| family | `policy.can` |');
out('|---|---|');
for (const f of ['practice', 'icon', 'agenda', 'dossier_view']) out(`| ${f} | ${fmt(node[`wasm/can/${f}`])} |`);
out();
out(`Sizes: npm gate module ${kb(sizes.npm?.raw)} raw / ${kb(sizes.npm?.gz)} gzipped; npm admin module ${kb(sizes.npm_admin?.raw)} raw / ${kb(sizes.npm_admin?.gz)} gzipped; playground .wasm ${kb(sizes.playground?.raw)} raw / ${kb(sizes.playground?.gz)} gzipped.`);
console.log(lines.join('\n'));
