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

test('a time-limited grant holds only within its window', async () => {
  // Léa replaces a colleague: Dr Martin's agenda until the end of December.
  const replacement = await load(JSON.stringify({
    format: 'secretariat-org/1',
    people: [
      { id: 'dr-martin', name: 'Dr Claire Martin', category: 'medecin', status: 'active' },
      { id: 'lea', name: 'Léa Moreau', category: 'secretaire', status: 'active' },
    ],
    practice: {
      accesses: [{
        secretary: 'lea',
        doctor: 'dr-martin',
        permissions: [{ id: 'agenda', valid_until: '2026-12-31T23:59:59Z' }],
      }],
    },
  }));
  const agenda = (now) => replacement.can('lea', 'practice.agenda', 'doctor:dr-martin', now);
  expect(agenda('2026-11-23T10:00:00Z')).toBe(true);
  expect(agenda('2027-01-01T00:00:00Z')).toBe(false);
  expect(agenda(undefined)).toBe(false); // no `now`: not in force
});

test('a typo is an error, not a silent deny', () => {
  expect(() => policy.can('sophie', 'practice.agneda', 'doctor:dr-martin'))
    .toThrow(expect.objectContaining({ name: 'SecretariatError', code: 'unknown_action' }));
  expect(SecretariatError).toBeTypeOf('function');
});
