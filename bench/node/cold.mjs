// One cold start, in a fresh process: instantiate the npm package's WebAssembly (Node build: read
// + compile + instantiate on the first `load`), load the demo secretary's scope (what bench.mjs cut
// with `secretariat scope`; any organisation file works), answer the first decision.
// Prints {"ms": …, "cpu": …, "allowed": …, "phases": {require, load, can}} (wall and CPU
// milliseconds, the CPU time of the whole process: V8's background compilation threads included;
// the phases in wall milliseconds). Run many times by bench.mjs.
//   node cold.mjs ENTRY SCOPE_FILE [import]   ENTRY: pkg/index.cjs, required; with `import`,
//                                             pkg/index.mjs, imported (an ES module's cold start)
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [pkg, scopePath, mode] = process.argv.slice(2);
const scope = readFileSync(scopePath, 'utf8');
const require = createRequire(import.meta.url);

const t0 = performance.now();
const c0 = process.cpuUsage();
const { Policy } = mode === 'import' ? await import(pathToFileURL(pkg).href) : require(pkg);
const t1 = performance.now();
const policy = Policy.load(scope);
const t2 = performance.now();
const allowed = policy.can('sophie', 'practice.agenda', 'doctor:dr-martin', '2026-11-23T10:00:00Z');
const t3 = performance.now();
const c = process.cpuUsage(c0);
const phases = { require: t1 - t0, load: t2 - t1, can: t3 - t2 };
console.log(JSON.stringify({ ms: t3 - t0, cpu: (c.user + c.system) / 1000, allowed, phases }));
