// memory.test.ts
import { readFile } from 'node:fs/promises';
import { expect, test } from 'vitest';
import { load, type Policy } from 'secretariat';

test('a policy is freed at the end of its block', async () => {
  let used: Policy;
  {
    using policy = await load(await readFile('org.json', 'utf8'));
    expect(policy.can('sophie', 'practice.agenda', 'doctor:dr-martin')).toBe(true);
    used = policy;
  } // policy.free() has run here, even after an exception
  expect(() => used.can('sophie', 'practice.agenda', 'doctor:dr-martin'))
    .toThrow(expect.objectContaining({ name: 'SecretariatError', code: 'freed' }));
});
