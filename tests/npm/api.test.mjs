// The npm package in Node, as users import it: entry points, thrown errors, decisions as data,
// and no way to crash the engine from JavaScript.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Policy } from 'secretariat';
import { gate } from 'secretariat/gate';
import { ROOT } from '../lib/browser.mjs';

const DEMO = readFileSync(join(ROOT, 'tests/fixtures/demo/org.json'), 'utf8');
const NOW = '2026-11-23T10:00:00Z';

test('the package loads through import, require, the web build and the gate subpath', async () => {
  const required = createRequire(import.meta.url)('secretariat');
  assert.equal(required.Policy, Policy);
  assert.equal(typeof gate, 'function');
  // The browser/bundler build, instantiated from bytes as a bundler or a worker may do.
  const web = await import(join(ROOT, 'pkg/index.js'));
  web.initSync({ module: readFileSync(join(ROOT, 'pkg/secretariat_bg.wasm')) });
  const policy = web.Policy.load(DEMO);
  assert.equal(policy.can('sophie', 'practice.agenda', 'doctor:dr-martin', NOW), true);
  assert.equal(web.gate, gate);
  const pkg = JSON.parse(readFileSync(join(ROOT, 'pkg/package.json'), 'utf8'));
  assert.equal(pkg.name, 'secretariat');
});

test('an organisation loads once, from text or object, and exports back', () => {
  const policy = Policy.load(DEMO);
  const again = Policy.load(JSON.parse(DEMO));
  assert.equal(policy.name, again.name);
  assert.deepEqual(JSON.parse(JSON.stringify(policy)), policy.toJSON());
  assert.deepEqual(Policy.load(policy.export()).toJSON(), policy.toJSON());
});

test('bad input throws an Error with the engine message; a deny is an answer', () => {
  assert.throws(
    () => Policy.load('{"format":"secretariat-org/1","people":[{"id":"a"}]}'),
    (e) => e instanceof Error && /people\[0\]/.test(e.message) && e.problems[0].path === 'people[0]',
  );
  assert.throws(() => Policy.load('{"format":"secretariat-org/2"}'), /secretariat-org\/1/);
  const policy = Policy.load(DEMO);
  assert.throws(() => policy.can('sophie', 'practice.coffee', 'doctor:dr-martin'), /unknown action `practice.coffee`/);
  assert.throws(() => policy.can('sophie', 'practice.agenda', 'doctor:dr-martin', 'demain'), /malformed `now` `demain`/);
  assert.throws(() => policy.view('nobody'), /unknown person `nobody`/);
  assert.throws(() => policy.findings(null, 'de'), /unknown language `de`/);
  const deny = policy.decide({ principal: 'sophie', action: 'practice.export_patients', resource: 'doctor:dr-martin', now: NOW });
  assert.equal(deny.decision, 'deny');
  assert.ok(deny.reasons.length > 0);
  const audited = policy.decide({ principal: 'lea', action: 'practice.export_deposits', resource: 'doctor:dr-martin', now: NOW });
  assert.equal(audited.audit, true);
  assert.deepEqual(audited.audit_event, { author: 'lea', on_behalf_of: 'dr-martin', action: 'practice.export_deposits', at: NOW });
  const english = policy.decide({ principal: 'sophie', action: 'practice.export_patients', resource: 'doctor:dr-martin', lang: 'en' });
  assert.notDeepEqual(english.reasons, deny.reasons);
});

test('the gate agrees with the decision on every action of every secretary', () => {
  const policy = Policy.load(DEMO);
  const file = JSON.parse(DEMO);
  const actions = policy.view('sophie').practice[0].menu.concat(policy.view('sophie').practice[0].buttons);
  let checked = 0;
  for (const person of file.people) {
    for (const doctor of file.people.filter((p) => p.category === 'medecin')) {
      for (const item of actions) {
        const resource = `doctor:${doctor.id}`;
        const can = policy.can(person.id, item.action, resource, NOW);
        const decision = policy.decide({ principal: person.id, action: item.action, resource, now: NOW });
        assert.equal(can, decision.decision === 'allow', `${person.id} ${item.action} ${resource}`);
        checked += 1;
      }
    }
  }
  assert.ok(checked > 500);
});

test('no input crashes the engine: every call returns or throws an Error, and it still answers', () => {
  const policy = Policy.load(DEMO);
  const junk = [undefined, null, 0, -1, 1e308, NaN, '', ' ', '{', '\u0000', 'x'.repeat(100000), '🙂',
    [], [1, 'a'], {}, { principal: 5 }, { principal: 'sophie', action: ['x'] }, () => 1, Symbol('s'),
    { op: 'fly' }, { format: 'secretariat-changes/1', changes: 5 }, 10n];
  const calls = [
    (x) => Policy.load(x),
    (x) => policy.can(x, x, x, x),
    (x) => policy.can('sophie', 'practice.agenda', x, x),
    (x) => policy.decide(x),
    (x) => policy.decideBatch(x),
    (x) => policy.decideBatch([x, x]),
    (x) => policy.decideLines(x, x),
    (x) => policy.explain(x, x),
    (x) => policy.view(x, x, x),
    (x) => policy.findings(x, x),
    (x) => policy.simulate(x, x, x),
    (x) => policy.withChanges(x),
    (x) => policy.report(x, x, x, x),
    (x) => policy.reportCsv(x, x, x, x),
    (x) => policy.reportEveryRow(x, x),
    (x) => policy.reportEveryRowCsv(x, x),
  ];
  let thrown = 0;
  for (const call of calls) {
    for (const x of junk) {
      try {
        call(x);
      } catch (e) {
        assert.ok(e instanceof Error, `${call} ${String(x).slice(0, 20)}: ${e}`);
        assert.ok(!(e instanceof WebAssembly.RuntimeError), `${call}: the engine trapped: ${e.message}`);
        thrown += 1;
      }
    }
  }
  assert.ok(thrown > 100);
  assert.equal(policy.can('sophie', 'practice.agenda', 'doctor:dr-martin', NOW), true);
});

test('the report needs a reader (D8); every row is a call of its own', () => {
  // Without a reader the report used to list every row, RPPS included, to anyone who asked.
  assert.throws(() => policy.report(undefined, 'dr-durand'), /reader/);
  assert.throws(() => policy.report(null, 'dr-durand'), /reader/);
  // A reader who may not read it is refused, in the language asked (French by default).
  assert.throws(() => policy.report('sophie', 'dr-martin', NOW), /non autorisée/);
  assert.throws(() => policy.report('sophie', 'dr-martin', NOW, 'en'), /not allowed/);
  assert.ok(policy.report('coord-caen', 'dr-durand', NOW).length > 0);
  assert.ok(policy.reportEveryRow('dr-durand', NOW).length > 0);
});

test('the declarations never say `any`, and ship in both builds', () => {
  for (const file of ['pkg/secretariat.d.ts', 'pkg/node/secretariat.d.ts', 'pkg/gate.d.ts', 'pkg/index.d.ts']) {
    const code = readFileSync(join(ROOT, file), 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\/\/.*$/gm, '');
    assert.doesNotMatch(code, /\bany\b/, file);
    if (file.endsWith('secretariat.d.ts')) {
      assert.match(code, /can\(principal: string, action: Action/, file);
    }
  }
});
