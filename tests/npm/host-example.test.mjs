// The host example (web/host-example) in headless Chromium, driven by playwright-core against
// Debian's /usr/bin/chromium: switch secretary, doctor, centre and mode, and check what is shown.
// Screenshots go to tests/output/.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, ROOT, serve } from '../lib/browser.mjs';

const OUTPUT = join(ROOT, 'tests/output');

let server;
let context;
let page;
let userData;
const pageErrors = [];

before(async () => {
  await mkdir(OUTPUT, { recursive: true });
  server = await serve();
  userData = await mkdtemp(join(tmpdir(), 'secretariat-chromium-'));
  context = await chromium.launchPersistentContext(userData, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 720 },
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') pageErrors.push(m.text()); });
  await page.goto(`${server.url}web/host-example/`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 15000 });
});

after(async () => {
  await context?.close();
  await server?.close();
  if (userData) await rm(userData, { recursive: true, force: true });
});

/** The gated element (menu entry, button, icon, tab) labelled `label` under `within`. */
function item(label, within = 'body') {
  const exact = new RegExp(`^\\s*${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
  return page.locator(`${within} [data-requires]`).filter({ hasText: exact });
}

/** Whether it is visible. */
function shown(label, within) {
  return item(label, within).isVisible();
}

async function choose(select, value) {
  await page.selectOption(`#${select}`, value);
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
}

async function shot(name) {
  await page.screenshot({ path: join(OUTPUT, `host-example-${name}.png`), fullPage: true });
}

test('Sophie on Dr Martin: her five modules, no export, DCC icons of her profile', async () => {
  await choose('secretary', 'sophie');
  await choose('doctor', 'dr-martin');
  for (const entry of ['Tableau de bord', 'Base patient', "Salle d'attente", 'Courriers']) {
    assert.equal(await shown(entry), true, entry);
  }
  for (const entry of ['PID', 'Pré configuration', 'Avis', 'Abonnement', 'Double authentification',
    'Exporter', 'Exporter Acomptes', 'Supprimer MH', 'Modifier le propriétaire',
    'Connexion en tant que médecin']) {
    assert.equal(await shown(entry), false, entry);
  }
  assert.equal(await shown('Agenda', '#practice'), true);
  assert.equal(await shown('Agenda', '#dcc'), true);
  for (const icon of ['Annuaire patient', 'Déroulement', 'Dossiers']) {
    assert.equal(await shown(icon), true, icon);
  }
  for (const icon of ['Annuaire professionnel', 'Administration', 'Infocentre']) {
    assert.equal(await shown(icon), false, icon);
  }
  assert.equal(await item('Passages RCP de mes patients').isEnabled(), true);
  await shot('sophie-dr-martin');
});

test('Sophie on Dr Durand: only the agenda', async () => {
  await choose('doctor', 'dr-durand');
  assert.equal(await shown('Agenda', '#practice'), true);
  assert.equal(await shown('Base patient'), false);
  assert.equal(await shown('Tableau de bord'), false);
});

test('Karim on Dr Durand: the agenda, and never « Connexion en tant que médecin » (external)', async () => {
  await choose('secretary', 'karim');
  assert.equal(await page.inputValue('#doctor'), 'dr-durand');
  assert.equal(await shown('Agenda', '#practice'), true);
  assert.equal(await shown('Connexion en tant que médecin'), false);
  assert.equal(await shown('Base patient'), false);
  // No profile on the DCC: its tabs stay in place, disabled, with the engine's reason.
  const tab = item('Passages RCP de mes patients');
  assert.equal(await tab.isVisible(), true);
  assert.equal(await tab.isDisabled(), true);
  assert.ok((await tab.getAttribute('title')).length > 10);
  await shot('karim-dr-durand');
});

test('Léa on Dr Martin: billing buttons and export, as granted', async () => {
  await choose('secretary', 'lea');
  await choose('doctor', 'dr-martin');
  for (const entry of ['PID', 'Supprimer MH', 'Exporter Acomptes']) {
    assert.equal(await shown(entry), true, entry);
  }
  assert.equal(await shown('Agenda', '#practice'), false);
  // Export needs « Base patient » (P4), which she lacks.
  assert.equal(await shown('Exporter'), false);
});

test('switching back restores what the gate hid, and re-running changes nothing', async () => {
  await choose('secretary', 'sophie');
  await choose('doctor', 'dr-martin');
  assert.equal(await shown('Base patient'), true);
  assert.equal(await shown('PID'), false);
  const again = await page.evaluate(async () => {
    const before = document.body.innerHTML;
    document.getElementById('mode').dispatchEvent(new Event('change'));
    return before === document.body.innerHTML;
  });
  assert.equal(again, true);
});

test('disable mode keeps denied items in place, unusable, with the reason as title', async () => {
  await choose('mode', 'disable');
  const exporter = item('Exporter');
  assert.equal(await exporter.isVisible(), true);
  assert.equal(await exporter.isDisabled(), true);
  assert.match(await exporter.getAttribute('title'), /Sophie Bernard/);
  const pid = item('PID');
  assert.equal(await pid.getAttribute('aria-disabled'), 'true');
  await shot('sophie-disable-mode');
  await choose('mode', 'ghost');
  assert.equal(await exporter.isVisible(), false);
  assert.equal(await exporter.evaluate((e) => e.style.visibility), 'hidden');
  await choose('mode', 'hide');
  assert.equal(await exporter.isVisible(), false);
  assert.equal(await exporter.getAttribute('title'), null);
});

test('the centre scopes the DCC icons (profile on the 3C of Caen only)', async () => {
  await choose('centre', '3c-rouen');
  assert.equal(await shown('Dossiers'), false);
  await choose('centre', '3c-caen');
  assert.equal(await shown('Dossiers'), true);
  await choose('centre', '');
});

test('gate(): per-element mode, fail-closed on bad requests, no secretary denies all', async () => {
  const result = await page.evaluate(async () => {
    const { load, gate } = await import('/pkg/index.js');
    const policy = await load(await (await fetch('/tests/fixtures/demo/org.json')).text());
    const root = document.createElement('div');
    root.innerHTML = `
      <button data-requires="practice.agenda doctor:dr-martin">a</button>
      <button data-requires="practice.pid_billing doctor:dr-martin" data-gate-mode="disable" title="mine">b</button>
      <span data-requires="practice.coffee doctor:dr-martin">c</span>
      <span data-requires="dcc.icon.infocentre" data-gate-mode="ghost">d</span>`;
    const [a, b, c, d] = root.children;
    const first = gate(root, policy, 'sophie', { now: '2026-11-23T10:00:00Z' });
    const states1 = [a.hidden, b.disabled, b.title.length > 10, c.hidden, d.style.visibility];
    const nobody = gate(root, policy, null);
    const allowed = gate(root, policy, 'lea');
    const states2 = [a.hidden, b.disabled, b.title, c.hidden, d.style.visibility];
    return { first: [first.allowed, first.denied, first.errors], states1, nobody: nobody.allowed, states2, lea: allowed.allowed };
  });
  assert.deepEqual(result.first, [1, 3, 1]);
  assert.deepEqual(result.states1, [false, true, true, true, 'hidden']);
  assert.equal(result.nobody, 0);
  // Léa has PID on Dr Martin but not the agenda: b is restored as written, title included.
  assert.deepEqual(result.states2, [true, false, 'mine', true, 'hidden']);
  assert.equal(result.lea, 1);
});

test('no error in the page', () => {
  assert.deepEqual(pageErrors, []);
});
