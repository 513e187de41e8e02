// CASL's cold start, in a fresh process, the counterpart of cold.mjs: `require('@casl/ability')`,
// build the ability from the demo secretary's rules (read before the clock starts, as cold.mjs reads
// her scope), answer the first question. Prints {"ms": …, "cpu": …, "allowed": …, "phases":
// {require, build, can}} (wall and CPU milliseconds, as cold.mjs). Run by bench.mjs.
//   node cold-casl.mjs RULES_FILE [import]   with `import`, its ES module build, imported
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const [rulesPath, mode] = process.argv.slice(2);
const rules = JSON.parse(readFileSync(rulesPath, 'utf8'));
const require = createRequire(import.meta.url);

const t0 = performance.now();
const c0 = process.cpuUsage();
const { createMongoAbility, subject } = mode === 'import' ? await import('@casl/ability') : require('@casl/ability');
const t1 = performance.now();
const ability = createMongoAbility(rules);
const t2 = performance.now();
const allowed = ability.can('agenda', subject('Doctor', { id: 'dr-martin' }));
const t3 = performance.now();
const c = process.cpuUsage(c0);
const phases = { require: t1 - t0, build: t2 - t1, can: t3 - t2 };
console.log(JSON.stringify({ ms: t3 - t0, cpu: (c.user + c.system) / 1000, allowed, phases }));
