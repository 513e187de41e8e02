// main.mjs
import { readFile } from 'node:fs/promises';
import { load, SecretariatError } from 'secretariat';

const policy = await load(await readFile('org.json', 'utf8'));
const now = new Date().toISOString();

console.log(policy.can('sophie', 'practice.agenda', 'doctor:dr-martin', now)); // true
console.log(policy.can('sophie', 'practice.export_patients', 'doctor:dr-martin', now)); // false

try {
  policy.can('sophie', 'practice.coffee', 'doctor:dr-martin', now);
} catch (error) {
  if (!(error instanceof SecretariatError)) throw error;
  console.log(error.code); // unknown_action
}
policy.free();
