// CASL's cold start, in a fresh process, the counterpart of cold.mjs: `require('@casl/ability')`,
// build the ability from the demo secretary's rules (read before the clock starts, as cold.mjs reads
// the demo file), answer the first question. Prints {"ms": …, "cpu": …, "allowed": …} (wall and CPU milliseconds). Run by bench.mjs.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const [rulesPath] = process.argv.slice(2);
const rules = JSON.parse(readFileSync(rulesPath, 'utf8'));
const require = createRequire(import.meta.url);

const t0 = performance.now();
const c0 = process.cpuUsage();
const { createMongoAbility, subject } = require('@casl/ability');
const ability = createMongoAbility(rules);
const allowed = ability.can('agenda', subject('Doctor', { id: 'dr-martin' }));
const ms = performance.now() - t0;
const c = process.cpuUsage(c0);
console.log(JSON.stringify({ ms, cpu: (c.user + c.system) / 1000, allowed }));
