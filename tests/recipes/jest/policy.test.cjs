// policy.test.cjs
const { readFileSync } = require('node:fs');
const { load } = require('secretariat');

let policy;
beforeAll(async () => {
  policy = await load(readFileSync('org.json', 'utf8'));
});

test('sophie opens dr Martin’s agenda, not his patient export', () => {
  expect(policy.can('sophie', 'practice.agenda', 'doctor:dr-martin')).toBe(true);
  expect(policy.can('sophie', 'practice.export_patients', 'doctor:dr-martin')).toBe(false);
});
