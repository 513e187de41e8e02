// End-to-end tests of the playground in headless Chromium (Debian's /usr/bin/chromium), driven by
// playwright-core, against the Trunk-built dist/ served on 127.0.0.1 by ../lib/browser.mjs.
//
//   DIST=../../dist node --test playground.test.mjs
//
// Screenshots of each main screen go to tests/output/ (git-ignored). The tests run in order and
// share one browser profile, like a user going through the playground.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS as ARGS, serve } from '../lib/browser.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const DIST = resolve(process.env.DIST ?? join(here, '../../dist'));
const OUT = resolve(process.env.OUT ?? join(here, '../output'));

let server;
let profile;
let context;
let page;
const requests = [];
const dialogs = [];
const errors = [];
const figures = {};

async function open(viewport = { width: 1280, height: 800 }) {
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, args: ARGS, viewport,
  });
  ctx.on('request', (r) => requests.push(r.url()));
  const p = ctx.pages()[0] ?? (await ctx.newPage());
  p.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  p.on('pageerror', (e) => errors.push(String(e)));
  return { ctx, p };
}

async function shot(name, opts = {}) {
  await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true, ...opts });
}

const sel = (id) => `[data-testid="${id}"]`;

async function go(screen) {
  await page.click(sel(`nav-${screen}`));
  await page.waitForSelector(`main.screen-${screen}`);
}

before(async () => {
  await mkdir(OUT, { recursive: true });
  profile = await mkdtemp(join(tmpdir(), 'secretariat-e2e-'));
  server = await serve(DIST);
  ({ ctx: context, p: page } = await open());
});

after(async () => {
  await context?.close();
  await server?.close();
  if (profile) await rm(profile, { recursive: true, force: true });
  const wasm = (await readdir(DIST)).find((f) => f.endsWith('.wasm'));
  if (wasm) {
    const bytes = await readFile(join(DIST, wasm));
    figures.wasm_bytes = bytes.length;
    figures.wasm_gzip_bytes = gzipSync(bytes, { level: 9 }).length;
  }
  await writeFile(join(OUT, 'figures.json'), JSON.stringify(figures, null, 2));
  if (Object.keys(figures).length) console.log('figures', JSON.stringify(figures));
});

describe('playground', () => {
  test('loads on the demo organisation and shows the first secretary', async () => {
    await page.goto(server.url);
    await page.waitForSelector(sel('sees-view'));
    const ms = await page.evaluate(() => performance.getEntriesByName('secretary-view')[0]?.startTime);
    assert.ok(typeof ms === 'number' && ms > 0, 'the first view is marked');
    figures.first_render_ms = Math.round(ms);
    assert.match(await page.textContent(sel('org-name')), /Démo/);
    assert.equal(await page.inputValue(sel('secretary-select')), 'sophie');
    // Sophie: Tableau de bord shown on Dr Martin's account; no "Connexion en tant que médecin".
    const practice = page.locator(sel('practice-app'));
    await assert.doesNotReject(practice.locator('[data-action="practice.dashboard"][data-shown="true"]').waitFor());
    assert.equal(await practice.locator('[data-action="practice.login_as_doctor"]').count(), 0);
    // DCC: RCP sénologie in her déroulement, not in her agenda.
    assert.equal(await page.locator(`${sel('dcc-session-run')} [data-rcp="rcp-sein"]`).count(), 1);
    assert.equal(await page.locator(`${sel('dcc-agenda')} [data-rcp="rcp-sein"]`).count(), 0);
    assert.equal(await page.getAttribute('html', 'lang'), 'fr');
    await shot('01-sees');
  });

  test('picks a secretary, shows hidden elements ghosted and explains them', async () => {
    await page.selectOption(sel('secretary-select'), 'karim');
    await page.waitForSelector('[data-action="practice.agenda"][data-resource="doctor:dr-durand"]');
    assert.equal(await page.locator('[data-action="practice.login_as_doctor"]').count(), 0);
    await page.check(sel('ghosts'));
    const login = page.locator('[data-action="practice.login_as_doctor"][data-shown="false"]');
    await login.waitFor();
    await login.click();
    const dialog = page.locator(sel('explain-dialog'));
    await dialog.waitFor();
    assert.match(await dialog.locator(sel('verdict')).textContent(), /Refusé/);
    assert.match(await dialog.locator(sel('reasons')).textContent(), /extern/i);
    await shot('02-explain', { fullPage: false });
    // Tab stays inside the dialog.
    for (let i = 0; i < 6; i += 1) await page.keyboard.press('Tab');
    assert.ok(await page.evaluate(() => !!document.activeElement?.closest('[data-testid="explain-dialog"]')),
      'focus stays in the dialog');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.action), 'practice.login_as_doctor',
      'focus returns to the element that opened the explanation');
    await shot('03-sees-ghosts');
    await page.uncheck(sel('ghosts'));
  });

  test('toggles a permission: before/after diff, findings and the change request', async () => {
    await go('simulate');
    await page.selectOption(sel('secretary-select'), 'sophie');
    await page.check(sel('perm-dr-martin-export_patients'));
    const gained = page.locator(`${sel('diff')} [data-secretary="sophie"] .gained li[data-action="practice.export_patients"]`);
    await gained.waitFor();
    assert.match(await gained.textContent(), /Exporter/);
    const request = page.locator(`${sel('requests')} .request`).first();
    await request.waitFor();
    assert.match(await request.textContent(), /Exporter/);
    const mailto = await page.getAttribute(`${sel('requests')} ${sel('mailto')}`, 'href');
    assert.ok(mailto.startsWith('mailto:support@logiciel-cabinet.example'), mailto);
    assert.match(await page.textContent(sel('findings-diff')), /confidentialit/i);
    assert.match(await page.textContent(sel('edit-count')), /1 modification/);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot('04-simulate', { fullPage: false });
    await page.locator(sel('requests')).scrollIntoViewIfNeeded();
    await shot('04b-simulate-requests', { fullPage: false });
    await shot('04c-simulate-full');
  });

  test('reloading keeps the work', async () => {
    await page.reload();
    await page.waitForSelector(sel('edit-panel'));
    assert.match(await page.textContent(sel('edit-count')), /1 modification/);
    assert.ok(await page.isChecked(sel('perm-dr-martin-export_patients')));
    // Undo and redo go through the same edit list.
    await page.click(sel('undo'));
    assert.equal(await page.locator(sel('edit-count')).count(), 0);
    await page.click(sel('redo'));
    assert.match(await page.textContent(sel('edit-count')), /1 modification/);
    // And from the keyboard.
    await page.keyboard.press('Control+z');
    await page.waitForSelector(sel('edit-count'), { state: 'detached' });
    await page.keyboard.press('Control+y');
    await page.waitForSelector(sel('edit-count'));
  });

  test('what she sees, after and before the edits', async () => {
    await go('sees');
    await page.selectOption(sel('secretary-select'), 'sophie');
    const exporter = page.locator('[data-action="practice.export_patients"][data-resource="doctor:dr-martin"][data-shown="true"]');
    await exporter.waitFor();
    assert.match(await exporter.getAttribute('class'), /is-gained/);
    await page.click(sel('show-before'));
    await exporter.waitFor({ state: 'detached' });
    await page.click(sel('show-after'));
    await exporter.waitFor();
  });

  test('a bad file shows every problem with its path and keeps the organisation', async () => {
    await go('organisation');
    const bad = {
      format: 'secretariat-org/1',
      name: 'Fichier cassé',
      people: [
        { id: 'dr-a', name: 'Dr A', category: 'medecin', status: 'active' },
        { id: 'dr-a', name: 'Dr A bis', category: 'medecin', status: 'active' },
        { id: 's1', name: 'S1', category: 'secretaire', status: 'active' },
      ],
      practice: { accesses: [{ secretary: 's1', doctor: 'dr-zz', permissions: ['teleportation'] }] },
    };
    await page.setInputFiles(sel('import-file'), {
      name: 'casse.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)),
    });
    const box = page.locator(sel('import-errors'));
    await box.waitFor();
    const text = await box.textContent();
    assert.match(text, /casse\.json/);
    assert.match(text, /people\[1\]/);
    assert.match(text, /practice\.accesses\[0\]/);
    assert.ok((await box.locator('li').count()) >= 3, 'every problem is listed');
    assert.match(await page.textContent(sel('org-name')), /Démo/);
    assert.match(await page.textContent(sel('edit-count')), /1 modification/);
    await shot('05-import-errors');
  });

  test('switches to English', async () => {
    await page.click(sel('lang-en'));
    await page.waitForSelector(`${sel('nav-sees')}:has-text("What she sees")`);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await go('sees');
    await page.waitForSelector(sel('sees-view'));
    await shot('06-sees-english');
    await page.click(sel('lang-fr'));
  });

  test('trainer mode: every scenario answers as the engine decides', async () => {
    await go('trainer');
    const ids = await page.$$eval('.scenario-link', (els) => els.map((e) => e.getAttribute('data-testid')));
    assert.ok(ids.length >= 6, `at least six scenarios (${ids.length})`);
    for (const id of ids) {
      await page.click(sel(id));
      await page.waitForSelector(`${sel('scenario')}[data-scenario="${id.slice('scenario-'.length)}"]`);
      const cards = page.locator(`${sel('scenario-checks')} .check-card`);
      const n = await cards.count();
      assert.ok(n >= 1, `${id} explains at least one decision`);
      for (let i = 0; i < n; i += 1) {
        const card = cards.nth(i);
        const expect = await card.getAttribute('data-expect');
        const cls = await card.getAttribute('class');
        assert.ok(cls.includes(expect === 'allow' ? 'is-allow' : 'is-deny'), `${id} #${i}: ${expect}`);
      }
    }
    await page.click(sel('scenario-sophie-senologie'));
    await page.waitForSelector(`${sel('scenario')}[data-scenario="sophie-senologie"]`);
    await shot('07-trainer');
    await page.click(sel('scenario-karim-departure'));
    const req = page.locator(`${sel('scenario')} ${sel('requests')} .request`).first();
    await req.waitFor();
    assert.match(await req.textContent(), /Connexion en tant que médecin/);
    await shot('08-trainer-departure');
  });

  test('report: secretaries of a doctor, with CSV', async () => {
    await go('report');
    await page.selectOption(sel('report-doctor'), 'dr-durand');
    const table = page.locator(sel('report-table'));
    await table.waitFor();
    const text = await table.textContent();
    assert.match(text, /Léa Moreau/);
    assert.match(text, /10011223343/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(sel('report-csv'))]);
    const path = join(OUT, 'report.csv');
    await download.saveAs(path);
    const csv = (await import('node:fs')).readFileSync(path, 'utf8');
    assert.ok(csv.startsWith('Secrétaire,Médecin,RPPS Médecin'), csv);
    await page.selectOption(sel('report-reader'), 'sophie');
    await page.waitForSelector(sel('report-denied'));
    await page.selectOption(sel('report-reader'), '');
    await shot('09-report');
  });

  test('a shared link restores the organisation and the selection', async () => {
    await go('organisation');
    await page.click(sel('share'));
    const link = await page.inputValue(sel('share-link'));
    assert.ok(link.startsWith(server.url) && link.includes('#s='), link);
    // Open the link in a second page with local storage cleared, so only the link can restore.
    const p2 = await context.newPage();
    await p2.goto(server.url);
    await p2.evaluate(() => localStorage.clear());
    await p2.goto('about:blank');
    await p2.goto(link);
    await p2.waitForSelector(sel('edit-count'));
    assert.match(await p2.textContent(sel('edit-count')), /1 modification/);
    assert.equal(new URL(p2.url()).hash, '', 'the fragment is read once and cleared');
    // Pasted into an open page, where only the fragment changes, the link is opened too.
    await p2.click(sel('discard'));
    await p2.waitForSelector(sel('edit-count'), { state: 'detached' });
    await p2.evaluate((l) => { window.location.href = l; }, link);
    await p2.waitForSelector(sel('edit-count'));
    await p2.close();
  });

  test('names from an imported file are text, never markup', async () => {
    const evil = '<img src=x onerror=alert(1)>';
    const org = {
      format: 'secretariat-org/1',
      name: `Cabinet ${evil}`,
      support: { practice: 'support@example.invalid' },
      people: [
        { id: 'dr-x', name: 'Dr X', category: 'medecin', rpps: '10003456786', status: 'active' },
        { id: 'evil', name: evil, category: 'secretaire', status: 'active' },
      ],
      practice: { accesses: [{ secretary: 'evil', doctor: 'dr-x', permissions: ['agenda'] }] },
    };
    await page.setInputFiles(sel('import-file'), {
      name: 'evil.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(org)),
    });
    await page.waitForSelector(sel('import-ok'));
    await go('sees');
    await page.waitForSelector(sel('sees-view'));
    assert.match(await page.textContent(sel('org-name')), /<img src=x onerror=alert\(1\)>/);
    assert.match(await page.textContent(sel('practice-app')), /<img src=x onerror=alert\(1\)>/);
    assert.equal(await page.locator('img').count(), 0, 'no <img> element was created');
    await page.waitForTimeout(200);
    assert.deepEqual(dialogs, [], 'no script ran');
    await go('organisation');
    await page.click(sel('reset'));
    await page.waitForSelector(`${sel('org-name')}:has-text("Démo")`);
  });

  test('works on a 390 px wide phone screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await go('sees');
    await page.selectOption(sel('secretary-select'), 'lea');
    await page.waitForSelector(sel('sees-view'));
    await page.evaluate(() => window.scrollTo(0, 0));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no horizontal scroll (${overflow}px too wide)`);
    await shot('10-sees-phone', { fullPage: false });
    await shot('10-sees-phone-full');
    await go('simulate');
    await page.evaluate(() => window.scrollTo(0, 0));
    const overflow2 = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow2 <= 0, `simulate: no horizontal scroll (${overflow2}px too wide)`);
    await shot('11-simulate-phone', { fullPage: false });
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  test('keyboard: controls are reachable and focus is visible', async () => {
    await go('sees');
    await page.reload();
    await page.waitForSelector(sel('sees-view'));
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => document.activeElement?.className);
    assert.match(first, /skip-link/);
    for (let i = 0; i < 6; i += 1) await page.keyboard.press('Tab');
    const info = await page.evaluate(() => {
      const el = document.activeElement;
      const style = getComputedStyle(el);
      return { tag: el.tagName, outline: style.outlineStyle, width: style.outlineWidth };
    });
    assert.ok(['BUTTON', 'INPUT', 'SELECT', 'A'].includes(info.tag), JSON.stringify(info));
    assert.notEqual(info.outline, 'none', 'focus is visible');
  });

  test('no request beyond its own static files, no page error', async () => {
    const foreign = requests.filter((u) => !u.startsWith(server.url) && !u.startsWith('data:') && !u.startsWith('blob:'));
    assert.deepEqual(foreign, []);
    assert.deepEqual(errors, []);
  });
});
