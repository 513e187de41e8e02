// policy.test.js
import { readFile } from 'node:fs/promises';
import { beforeAll, expect, test } from 'vitest';
import { load, SecretariatError } from 'secretariat';

let policy;
beforeAll(async () => {
  policy = await load(await readFile('org.json', 'utf8'));
});

test('sophie opens dr Martin’s agenda, not his patient export', () => {
  expect(policy.can('sophie', 'practice.agenda', 'doctor:dr-martin')).toBe(true);
  expect(policy.can('sophie', 'practice.export_patients', 'doctor:dr-martin')).toBe(false);
});

test('a time-limited grant holds only within its window', () => {
  const exportFor = (now) => policy.can('lea', 'practice.export_patients', 'doctor:dr-martin', now);
  expect(exportFor('2026-11-23T10:00:00Z')).toBe(true);
  expect(exportFor('2027-01-01T00:00:00Z')).toBe(false);
  expect(exportFor(undefined)).toBe(false); // no `now`: not in force
});

test('a typo is an error, not a silent deny', () => {
  expect(() => policy.can('sophie', 'practice.agneda', 'doctor:dr-martin'))
    .toThrow(expect.objectContaining({ name: 'SecretariatError', code: 'unknown_action' }));
  expect(SecretariatError).toBeTypeOf('function');
});
