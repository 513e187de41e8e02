// The npm package in Node, as users import it: one entry (import and require, root and gate
// subpath, the browser build), typed errors, decisions as data, the admin module on demand, and no
// way to crash the engine from JavaScript.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import * as entry from 'secretariat';
import { AdminPolicy, Policy, SecretariatError, gate, init, initSync, load } from 'secretariat';
import * as gateEntry from 'secretariat/gate';
import { ROOT } from '../lib/browser.mjs';

const DEMO = readFileSync(join(ROOT, 'tests/fixtures/demo/org.json'), 'utf8');
const NOW = '2026-11-23T10:00:00Z';
const require = createRequire(import.meta.url);

test('one entry: the same named exports from import, require and the browser build', async () => {
  const required = require('secretariat');
  const names = Object.keys(entry).sort();
  for (const name of ['AdminPolicy', 'Policy', 'SecretariatError', 'gate', 'init', 'initSync', 'load']) {
    assert.ok(names.includes(name), `${name} in ${names}`);
  }
  assert.deepEqual(Object.keys(required).filter((n) => n !== 'default').sort(), names);
  // import and require share one instance: one class, one error type.
  assert.equal(required.Policy, Policy);
  assert.equal(required.SecretariatError, SecretariatError);
  assert.equal(required.gate, gate);
  assert.equal(require('secretariat/gate').gate, gateEntry.gate);
  assert.equal(gateEntry.gate, gate);
  assert.deepEqual(Object.keys(require('secretariat/gate')).sort(), Object.keys(gateEntry).sort());
  // In Node there is nothing to wait for: init and initSync are no-ops, load needs neither.
  await init();
  initSync();
  assert.equal((await load(DEMO)).can('sophie', 'practice.agenda', 'doctor:dr-martin', NOW), true);
  // The browser/bundler build, instantiated from bytes as a worker or a test may do.
  const web = await import(join(ROOT, 'pkg/index.js'));
  assert.deepEqual(Object.keys(web).sort(), names);
  assert.throws(() => web.Policy.load(DEMO), (e) => e instanceof web.SecretariatError && e.code === 'not_initialised');
  await assert.rejects(web.init(), (e) => e.code === 'init_failed'); // Node's fetch reads no file: URL
  web.initSync(readFileSync(join(ROOT, 'pkg/secretariat_bg.wasm')));
  assert.equal(web.Policy.load(DEMO).can('sophie', 'practice.agenda', 'doctor:dr-martin', NOW), true);
  assert.equal(typeof web.gate, 'function');
  const pkg = JSON.parse(readFileSync(join(ROOT, 'pkg/package.json'), 'utf8'));
  assert.equal(pkg.name, 'secretariat');
  for (const field of ['repository', 'homepage', 'bugs', 'engines']) assert.ok(pkg[field], field);
});

test('an organisation loads from its text only; the admin module exports it back', async () => {
  const policy = await load(DEMO);
  assert.equal(policy.name, Policy.load(DEMO).name);
  assert.throws(() => Policy.load(JSON.parse(DEMO)), (e) => e instanceof SecretariatError && e.code === 'bad_argument' && /JSON text/.test(e.message));
  // Text refuses a duplicate key, which an object parsed by JSON.parse would have hidden.
  const duplicate = DEMO.replace('"status": "active"', '"status": "suspended", "status": "active"');
  assert.notEqual(duplicate, DEMO);
  await assert.rejects(load(duplicate), (e) => e.code === 'invalid_file' && /duplicate/.test(e.message));
  const admin = await policy.admin();
  assert.ok(admin instanceof AdminPolicy);
  assert.equal(await policy.admin(), admin, 'loaded once per policy');
  assert.deepEqual(JSON.parse(JSON.stringify(admin)), admin.toJSON());
  assert.deepEqual((await Policy.load(admin.export()).admin()).toJSON(), admin.toJSON());
  assert.equal(typeof policy.findings, 'undefined', 'administration is in the admin module only');
});

test('bad input throws a SecretariatError with a stable code; a deny is an answer', async () => {
  const refused = (code, pattern) => (e) => e instanceof SecretariatError && e instanceof Error
    && e.name === 'SecretariatError' && e.code === code && pattern.test(e.message);
  assert.throws(
    () => Policy.load('{"format":"secretariat-org/1","people":[{"id":"a"}]}'),
    (e) => refused('invalid_file', /people\[0\]/)(e) && e.problems[0].path === 'people[0]',
  );
  assert.throws(() => Policy.load('{"format":"secretariat-org/2"}'), refused('invalid_file', /secretariat-org\/1/));
  const policy = Policy.load(DEMO);
  assert.throws(() => policy.can('sophie', 'practice.coffee', 'doctor:dr-martin'), refused('unknown_action', /unknown action `practice.coffee`/));
  assert.throws(() => policy.can('nobody', 'practice.agenda', 'doctor:dr-martin'), refused('unknown_id', /unknown person `nobody`/));
  assert.throws(() => policy.can('sophie', 'practice.agenda'), refused('bad_resource', /needs a resource/));
  assert.throws(() => policy.can('sophie', 'practice.agenda', 'rcp:x'), refused('bad_resource', /doctor:<id>/));
  assert.throws(() => policy.can('sophie', 'practice.agenda', 'doctor:dr-martin', 'demain'), refused('bad_now', /malformed `now` `demain`/));
  assert.throws(() => policy.can(5, 'practice.agenda', 'doctor:dr-martin'), refused('bad_argument', /must be a string/));
  assert.throws(() => policy.view('nobody'), refused('unknown_id', /unknown person `nobody`/));
  assert.throws(() => policy.decide({ principal: 'sophie' }), refused('bad_argument', /missing field `action`/));
  assert.equal(policy.view('sophie').secretary.id, 'sophie');
  const admin = await policy.admin();
  assert.throws(() => admin.findings(null, 'de'), refused('bad_argument', /unknown language `de`/));
  assert.throws(() => admin.simulate([{ op: 'suspend', person: 'nobody' }]), (e) => refused('invalid_changes', /nobody/)(e) && e.problems.length === 1);
  assert.throws(() => admin.simulate([{ op: 'fly' }]), refused('invalid_changes', /not a changes file: unknown variant `fly`/));
  assert.throws(() => admin.report('nobody'), refused('unknown_id', /nobody/));
  const deny = policy.decide({ principal: 'sophie', action: 'practice.export_patients', resource: 'doctor:dr-martin', now: NOW });
  assert.equal(deny.decision, 'deny');
  assert.ok(deny.reasons.length > 0);
  const audited = policy.decide({ principal: 'lea', action: 'practice.export_deposits', resource: 'doctor:dr-martin', now: NOW });
  assert.equal(audited.audit, true);
  assert.deepEqual(audited.audit_event, { author: 'lea', on_behalf_of: 'dr-martin', action: 'practice.export_deposits', at: NOW });
  const english = policy.decide({ principal: 'sophie', action: 'practice.export_patients', resource: 'doctor:dr-martin', lang: 'en' });
  assert.notDeepEqual(english.reasons, deny.reasons);
  // A freed policy says so; it does not trap.
  const freed = Policy.load(DEMO);
  freed.free();
  assert.throws(() => freed.can('sophie', 'practice.agenda', 'doctor:dr-martin'), refused('freed', /freed/));
  assert.throws(() => freed.view('sophie'), refused('freed', /freed/));
  // Even a batch with nothing to decide: the batches loop in JavaScript, not in the engine.
  assert.throws(() => freed.decideBatch([]), refused('freed', /freed/));
  assert.throws(() => freed.decideLines(''), refused('freed', /freed/));
  // And its administration: there is no organisation left to give the admin module.
  await assert.rejects(freed.admin(), refused('freed', /freed/));
});

test('the admin module answers what it adds, and the same decisions', async () => {
  const policy = Policy.load(DEMO);
  const admin = await policy.admin();
  const request = { principal: 'karim', action: 'practice.login_as_doctor', resource: 'doctor:dr-durand' };
  assert.deepEqual(admin.decide(request), policy.decide(request));
  assert.deepEqual(admin.view('sophie', NOW), policy.view('sophie', NOW));
  assert.ok(admin.explain(request, 'en').derivation.length > 0);
  assert.ok(admin.findings(NOW).length > 0);
  const changes = [{ op: 'revoke_permission', secretary: 'sophie', doctor: 'dr-martin', permission: 'agenda' }];
  assert.equal(admin.simulate(changes, NOW).affected[0].lost[0].action, 'practice.agenda');
  const after = admin.withChanges(changes);
  assert.ok(after instanceof AdminPolicy);
  assert.equal(after.can('sophie', 'practice.agenda', 'doctor:dr-martin', NOW), false);
  assert.equal(admin.can('sophie', 'practice.agenda', 'doctor:dr-martin', NOW), true);
  assert.ok(admin.reportEveryRow('dr-martin').length > 0);
  assert.match(admin.reportEveryRowCsv(), /^Secrétaire,Médecin,RPPS Médecin\n/);
});

test('can() with strings answers as the engine does, through its cache of handles, at any now', () => {
  const policy = Policy.load(DEMO);
  const file = JSON.parse(DEMO);
  const doctors = file.people.filter((p) => p.category === 'medecin').map((p) => `doctor:${p.id}`);
  // Instants a millisecond apart, and ones that do not round-trip through floating point.
  const nows = [NOW, '2026-11-23T10:00:00.001Z', '2026-12-31T23:59:59.999Z', '2025-01-01T00:00:00.123Z', null];
  let checked = 0;
  for (const now of nows) {
    for (const person of file.people) {
      for (const resource of doctors) {
        const request = { principal: person.id, action: 'practice.agenda', resource, now };
        assert.equal(policy.can(person.id, 'practice.agenda', resource, now), policy.decide(request).decision === 'allow', JSON.stringify(request));
        checked += 1;
      }
    }
  }
  assert.ok(checked > 100);
});

test('admin.scope(id) is what `secretariat scope` writes, and loads as the same policy for her', async () => {
  const policy = await load(DEMO);
  const admin = await policy.admin();
  const committed = readFileSync(join(ROOT, 'tests/fixtures/demo/scopes/sophie.json'), 'utf8');
  assert.equal(`${JSON.stringify(admin.scope('sophie'))}\n`, committed);
  const scoped = await load(JSON.stringify(admin.scope('sophie')));
  const lines = readFileSync(join(ROOT, 'tests/fixtures/demo/decisions.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() && JSON.parse(line).principal === 'sophie');
  assert.ok(lines.length > 10);
  for (const line of lines) {
    const request = JSON.parse(line);
    assert.equal(scoped.decide(request).decision, policy.decide(request).decision, line);
  }
  assert.throws(
    () => scoped.can('lea', 'practice.agenda', 'doctor:dr-martin'),
    (e) => e instanceof SecretariatError && e.code === 'wrong_principal' && /this scope is for `sophie`/.test(e.message),
  );
  assert.equal(scoped.can('sophie', 'practice.agenda', 'doctor:someone-else'), false);
  // Her view only: not her doctors' (whom the scope holds), not another secretary's.
  for (const other of ['dr-martin', 'lea']) {
    assert.throws(
      () => scoped.view(other),
      (e) => e instanceof SecretariatError && e.code === 'wrong_principal' && /this scope is for `sophie`/.test(e.message),
    );
  }
  assert.equal(scoped.view('sophie').secretary.id, 'sophie');
  // Its administration explains her decisions, and refuses what needs the whole organisation
  // (a scope has no findings to give, no RPPS to report, not the people a change names).
  const scopedAdmin = await scoped.admin();
  assert.equal(scopedAdmin.explain({ principal: 'sophie', action: 'practice.agenda', resource: 'doctor:dr-martin' }).decision, 'allow');
  const whole = [
    ['findings', () => scopedAdmin.findings()],
    ['simulate', () => scopedAdmin.simulate([])],
    ['withChanges', () => scopedAdmin.withChanges([])],
    ['report', () => scopedAdmin.reportEveryRow('dr-martin')],
    ['report', () => scopedAdmin.reportCsv('sophie')],
    ['toJSON', () => JSON.stringify(scopedAdmin)],
    ['export', () => scopedAdmin.export()],
  ];
  for (const [command, call] of whole) {
    assert.throws(call, (e) => e instanceof SecretariatError && e.code === 'needs_organisation'
      && e.message.includes(`\`${command}\` needs the organisation file`), command);
  }
  assert.throws(() => admin.scope('nobody'), (e) => e.code === 'unknown_id' && /unknown person `nobody`/.test(e.message));
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

test('no input crashes the engine: every call returns or throws a SecretariatError, never internal', async () => {
  const policy = Policy.load(DEMO);
  const admin = await policy.admin();
  const junk = [undefined, null, 0, -1, 1e308, NaN, '', ' ', '{', '\u0000', 'x'.repeat(100000), '🙂',
    [], [1, 'a'], {}, { principal: 5 }, { principal: 'sophie', action: ['x'] }, () => 1, Symbol('s'),
    { op: 'fly' }, { format: 'secretariat-changes/1', changes: 5 }, 10n];
  const calls = [
    (x) => Policy.load(x),
    (x) => policy.can(x, x, x, x),
    (x) => policy.can('sophie', 'practice.agenda', x, x),
    (x) => policy.principal(x),
    (x) => policy.gate(x, x),
    (x) => policy.seconds(x),
    (x) => policy.decide(x),
    (x) => policy.decideBatch(x),
    (x) => policy.decideBatch([x, x]),
    (x) => policy.decideLines(x, x),
    (x) => policy.view(x, x, x),
    (x) => admin.explain(x, x),
    (x) => admin.findings(x, x),
    (x) => admin.simulate(x, x, x),
    (x) => admin.withChanges(x),
    (x) => admin.report(x, x, x, x),
    (x) => admin.reportCsv(x, x, x, x),
    (x) => admin.reportEveryRow(x, x),
    (x) => admin.reportEveryRowCsv(x, x),
    (x) => admin.scope(x),
  ];
  let thrown = 0;
  for (const call of calls) {
    for (const x of junk) {
      try {
        call(x);
      } catch (e) {
        assert.ok(e instanceof SecretariatError, `${call} ${String(x).slice(0, 20)}: ${e}`);
        assert.notEqual(e.code, 'internal', `${call}: ${e.message}`);
        thrown += 1;
      }
    }
  }
  assert.ok(thrown > 100);
  assert.equal(policy.can('sophie', 'practice.agenda', 'doctor:dr-martin', NOW), true);
  assert.equal(admin.can('sophie', 'practice.agenda', 'doctor:dr-martin', NOW), true);
});

test('the report needs a reader (D8); every row is a call of its own', async () => {
  const policy = await (await load(DEMO)).admin();
  // Without a reader the report used to list every row, RPPS included, to anyone who asked.
  assert.throws(() => policy.report(undefined, 'dr-durand'), /reader/);
  assert.throws(() => policy.report(null, 'dr-durand'), /reader/);
  // A reader who may not read it is refused, in the language asked (French by default).
  assert.throws(() => policy.report('sophie', 'dr-martin', NOW), /non autorisée/);
  assert.throws(() => policy.report('sophie', 'dr-martin', NOW), (e) => e instanceof SecretariatError && e.code === 'denied');
  assert.throws(() => policy.report('sophie', 'dr-martin', NOW, 'en'), /not allowed/);
  assert.ok(policy.report('coord-caen', 'dr-durand', NOW).length > 0);
  assert.ok(policy.reportEveryRow('dr-durand', NOW).length > 0);
});

test('the declarations never say `any`, for import and for require', () => {
  for (const file of ['types.d.ts', 'types.d.cts', 'index.d.ts', 'index.d.cts', 'gate.d.ts', 'gate.d.cts']) {
    const code = readFileSync(join(ROOT, 'pkg', file), 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\/\/.*$/gm, '');
    assert.doesNotMatch(code, /\bany\b/, file);
    if (file.startsWith('index.')) {
      assert.match(code, /can\(principal: string, action: Action/, file);
    }
  }
});

test('a server bundle carries the bytes: no ENOENT away from the package, no foreign .wasm taken', async () => {
  const { build } = await import('esbuild');
  const { execFileSync } = await import('node:child_process');
  const { copyFileSync, mkdtempSync, rmSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(join(tmpdir(), 'secretariat-bundle-'));
  const program = `import { load } from 'secretariat';
import { readFileSync } from 'node:fs';
(async () => {
  const policy = await load(readFileSync(process.argv[2], 'utf8'));
  const admin = await policy.admin();
  console.log(JSON.stringify([policy.can('sophie', 'practice.agenda', 'doctor:dr-martin', '2026-11-23T10:00:00Z'), admin.findings().length > 0]));
})();
`;
  try {
    writeFileSync(join(dir, 'server.mjs'), program);
    for (const format of ['esm', 'cjs']) {
      const out = join(dir, format, format === 'esm' ? 'server.mjs' : 'server.cjs');
      await build({
        entryPoints: [join(dir, 'server.mjs')], bundle: true, platform: 'node', format, outfile: out,
        nodePaths: [join(ROOT, 'tests/npm/node_modules')], logLevel: 'silent',
      });
      // Another module's .wasm under the gate module's name beside the bundle: refused, not taken.
      copyFileSync(join(ROOT, 'pkg/secretariat_admin_bg.wasm'), join(dir, format, 'secretariat_bg.wasm'));
      const printed = execFileSync(process.execPath, [out, join(ROOT, 'tests/fixtures/demo/org.json')], { cwd: tmpdir(), encoding: 'utf8' });
      assert.deepEqual(JSON.parse(printed), [true, true], format);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a bad gate option is a SecretariatError, from import and from require alike', () => {
  const required = createRequire(import.meta.url);
  const cjs = required('secretariat');
  const cjsGate = required('secretariat/gate');
  for (const run of [() => gate(null, null, 'sophie'), () => cjsGate.gate(null, null, 'sophie')]) {
    assert.throws(run, (e) => e instanceof SecretariatError && e instanceof cjs.SecretariatError
      && e.name === 'SecretariatError' && e.code === 'bad_argument');
  }
});

test('require(\'secretariat\') loads the gating code only when gating is first used; one SecretariatError', async () => {
  const { execFileSync } = await import('node:child_process');
  const program = `const loaded = () => Object.keys(require.cache).some((f) => f.endsWith('gate.cjs'));
const { Policy, SecretariatError } = require('secretariat');
const allowed = Policy.load(require('node:fs').readFileSync(process.argv[1], 'utf8')).can('sophie', 'practice.agenda', 'doctor:dr-martin', '${NOW}');
const before = loaded();
const { gate } = require('secretariat');
let thrown;
try { gate(null, null, 'sophie'); } catch (e) { thrown = e; }
console.log(JSON.stringify([allowed, before, loaded(), thrown.constructor === SecretariatError, thrown.code]));
`;
  const printed = execFileSync(process.execPath, ['-e', program, join(ROOT, 'tests/fixtures/demo/org.json')], { cwd: join(ROOT, 'tests/npm'), encoding: 'utf8' });
  assert.deepEqual(JSON.parse(printed), [true, false, true, true, 'bad_argument']);
});
