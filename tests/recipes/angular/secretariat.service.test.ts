// The README's Angular service, as an app uses it: nothing is allowed until the policy is set
// (after `await load(text)` in an APP_INITIALIZER), then its `can` answers as the engine does.
import '@angular/compiler';
import { readFile } from 'node:fs/promises';
import { expect, test } from 'vitest';
import { load } from 'secretariat';
import { Secretariat } from './secretariat.service';

test('the service hides everything until the policy is set, then answers for her', async () => {
  const secretariat = new Secretariat();
  secretariat.principal.set('sophie');
  secretariat.now.set('2026-11-23T10:00:00Z');
  expect(secretariat.can()('practice.agenda', 'doctor:dr-martin')).toBe(false);

  secretariat.policy.set(await load(await readFile('org.json', 'utf8')));
  expect(secretariat.can()('practice.agenda', 'doctor:dr-martin')).toBe(true);
  expect(secretariat.can()('practice.export_patients', 'doctor:dr-martin')).toBe(false);
});

test('a change of secretary is a new decision function', async () => {
  const secretariat = new Secretariat();
  secretariat.policy.set(await load(await readFile('org.json', 'utf8')));
  secretariat.principal.set('sophie');
  const sophie = secretariat.can();
  secretariat.principal.set('nobody-here');
  expect(secretariat.can()).not.toBe(sophie);
  expect(secretariat.can()('practice.agenda', 'doctor:dr-martin')).toBe(false);
});
