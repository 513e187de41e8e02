// The focus secretary's full view, in a fresh process holding only this organisation (as a front
// end would): load FILE, then the median of N calls of `policy.view` (a JS object out).
// Prints {"ms": …}. Run once per scale by bench.mjs.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const [pkg, file, runs] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const { Policy } = require(pkg);
const policy = Policy.load(readFileSync(file, 'utf8'));
const n = Number(runs);
for (let i = 0; i < n; i++) policy.view('sophie', '2026-11-23T10:00:00Z'); // warm-up: tier-up
const times = [];
for (let i = 0; i < n; i++) {
  const t0 = performance.now();
  policy.view('sophie', '2026-11-23T10:00:00Z');
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
console.log(JSON.stringify({ ms: times[n >> 1] }));
