// One cold start, in a fresh process: instantiate the npm package's WebAssembly (Node build: read
// + compile + instantiate on require), load the demo secretary's scope (what bench.mjs cut with
// `secretariat scope`; any organisation file works), answer the first decision.
// Prints {"ms": …, "cpu": …, "allowed": …} (wall and CPU milliseconds). Run many times by bench.mjs.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const [pkg, scopePath] = process.argv.slice(2);
const scope = readFileSync(scopePath, 'utf8');
const require = createRequire(import.meta.url);

const t0 = performance.now();
const c0 = process.cpuUsage();
const { Policy } = require(pkg);
const policy = Policy.load(scope);
const allowed = policy.can('sophie', 'practice.agenda', 'doctor:dr-martin', '2026-11-23T10:00:00Z');
const ms = performance.now() - t0;
const c = process.cpuUsage(c0);
console.log(JSON.stringify({ ms, cpu: (c.user + c.system) / 1000, allowed }));
