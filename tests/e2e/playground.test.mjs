// End-to-end tests of the playground in headless Chromium (Debian's /usr/bin/chromium), driven by
// playwright-core, against the Trunk-built dist/ served on 127.0.0.1 by ../lib/browser.mjs.
//
//   DIST=../../dist node --test playground.test.mjs
//
// Screenshots of each main screen go to tests/output/ (git-ignored). The tests run in order and
// share one browser profile, like a user going through the playground; sharing and storage are
// tested in fresh profiles (a second person, or a browser that never consented).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS as ARGS, ROOT, serve } from '../lib/browser.mjs';

const AXE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

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
const violations = [];
/** What the page logged as errors (a shortcut's `preventDefault` refused by a passive listener…). */
const logged = [];
const figures = {};
const profiles = [];

/** A browser on `dir` (a profile of its own), recording requests, dialogs, errors and CSP reports. */
async function open(viewport = { width: 1280, height: 800 }, dir = profile) {
  const ctx = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM, headless: true, args: ARGS, viewport,
  });
  ctx.on('request', (r) => requests.push(r.url()));
  await ctx.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => {
    console.error(`csp-violation ${e.violatedDirective} ${e.blockedURI}`);
  }));
  ctx.on('console', (m) => {
    if (m.type() === 'error') logged.push(m.text());
    if (m.type() === 'error' && /csp-violation|Content Security Policy/.test(m.text())) violations.push(m.text());
  });
  const watch = (p) => {
    p.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss().catch(() => {}); });
    p.on('pageerror', (e) => errors.push(String(e)));
  };
  const p = ctx.pages()[0] ?? (await ctx.newPage());
  watch(p);
  ctx.on('page', watch);
  return { ctx, p };
}

/** A second browser with a profile of its own: another person, or one that never consented. */
async function fresh() {
  const dir = await mkdtemp(join(tmpdir(), 'secretariat-e2e-'));
  profiles.push(dir);
  return open(undefined, dir);
}

/** The JSON a share link carries, as anyone holding the link can read it. */
function payload(link) {
  const data = new URL(link).hash.replace(/^#l=/, '');
  return Buffer.from(data, 'base64url').toString('utf8');
}

/** Imports `org` (an object) as the file `name` on `p`'s organisation screen. */
async function importFile(p, name, org) {
  await p.setInputFiles(sel('import-file'), {
    name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(org)),
  });
}

/** `p` (a fresh browser) imports CABINET and grants Sophie an export on it: one edit. */
async function editCabinet(p) {
  await p.goto(server.url);
  await p.click(sel('nav-organisation'));
  await importFile(p, 'cabinet.json', CABINET);
  await p.waitForSelector(sel('import-ok'));
  await p.click(sel('nav-simulate'));
  await p.selectOption(sel('secretary-select'), 'sophie');
  await p.check(sel('perm-dr-martin-export_patients'));
  await p.click(sel('nav-organisation'));
}

const DEMO = JSON.parse(await readFile(join(ROOT, 'tests/fixtures/demo/org.json'), 'utf8'));
/** The demo under another name: a file the recipient of a link has, or not. */
const CABINET = { ...DEMO, name: 'Cabinet importé' };

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
  for (const dir of [profile, ...profiles]) if (dir) await rm(dir, { recursive: true, force: true });
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

  test('with consent, reloading keeps the work', async () => {
    await go('organisation');
    await page.check(sel('keep'));
    await page.waitForFunction(() => (localStorage.getItem('secretariat-playground/2') ?? '').includes('export_patients'));
    await go('simulate');
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
    // The shortcuts stop the browser's own undo without a word in the console.
    assert.deepEqual(logged.filter((t) => /preventDefault|passive/.test(t)), []);
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

  test('a share link carries the edits over a fingerprint, never the organisation', async () => {
    await go('organisation');
    await page.click(sel('share'));
    const link = await page.inputValue(sel('share-link'));
    assert.ok(link.startsWith(server.url) && link.includes('#l='), link);
    const text = payload(link);
    const shared = JSON.parse(text);
    assert.equal(shared.format, 'secretariat-link/1');
    assert.match(shared.base, /^[0-9a-f]{64}$/);
    assert.equal(shared.changes.length, 1);
    for (const p of DEMO.people) {
      assert.ok(!text.includes(p.name), `no name (${p.name})`);
      if (p.rpps) assert.ok(!text.includes(p.rpps), `no RPPS (${p.rpps})`);
    }
    for (const d of DEMO.network.dossiers) assert.ok(!text.includes(d.patient), `no patient (${d.patient})`);
    assert.ok(link.length < 1500, `a short link (${link.length} characters)`);
    figures.share_link_chars = link.length;
    await shot('12-share', { fullPage: false });

    // Another person opens it: she is asked first, and nothing is replaced before she answers.
    const { ctx, p } = await fresh();
    try {
      await p.goto(server.url);
      await p.waitForSelector(sel('sees-view'));
      await p.click(sel('nav-simulate'));
      await p.selectOption(sel('secretary-select'), 'sophie');
      await p.click(sel('doctor-tab-dr-durand'));
      await p.check(sel('perm-dr-durand-patients'));
      await p.check(sel('perm-dr-durand-letters'));
      await p.waitForSelector(`${sel('edit-count')}:has-text("2 modifications")`);
      await p.goto('about:blank');
      await p.goto(link);
      await p.waitForSelector(sel('link-offer'));
      assert.equal(new URL(p.url()).hash, '', 'the fragment is read once and cleared');
      assert.match(await p.textContent(sel('link-offer')), /1 modification/);
      assert.equal(await p.locator(sel('edit-count')).count(), 0, 'nothing kept: a reload dropped her edits');
      // Pasted into an open page where she has work: asked again; dismissing keeps her work.
      await p.click(sel('nav-simulate'));
      await p.selectOption(sel('secretary-select'), 'sophie');
      await p.click(sel('doctor-tab-dr-durand'));
      await p.check(sel('perm-dr-durand-patients'));
      await p.waitForSelector(`${sel('edit-count')}:has-text("1 modification")`);
      await p.evaluate((l) => { window.location.href = l; }, link);
      await p.waitForSelector(sel('link-offer'));
      await p.click(sel('link-dismiss'));
      await p.waitForSelector(sel('link-offer'), { state: 'detached' });
      assert.ok(await p.isChecked(sel('perm-dr-durand-patients')), 'her work stays');
      // Accepted: the sender's edit replaces hers; undone: hers is back.
      await p.evaluate((l) => { window.location.href = l; }, link);
      await p.click(sel('link-accept'));
      await p.waitForSelector(sel('link-opened'));
      await p.click(sel('nav-simulate'));
      await p.waitForSelector(sel('edit-panel'));
      await p.selectOption(sel('secretary-select'), 'sophie');
      assert.ok(await p.isChecked(sel('perm-dr-martin-export_patients')), "the sender's edit");
      await p.click(sel('doctor-tab-dr-durand'));
      assert.ok(!(await p.isChecked(sel('perm-dr-durand-patients'))), 'in place of hers');
      await p.click(sel('link-undo'));
      await p.waitForSelector(sel('link-opened'), { state: 'detached' });
      await p.selectOption(sel('secretary-select'), 'sophie');
      await p.click(sel('doctor-tab-dr-martin'));
      assert.ok(!(await p.isChecked(sel('perm-dr-martin-export_patients'))), "the sender's edit is gone");
      await p.click(sel('doctor-tab-dr-durand'));
      assert.ok(await p.isChecked(sel('perm-dr-durand-patients')), 'her own edit is back');
      // A link of the first format carried the whole file: refused with a reason.
      await p.evaluate(() => { window.location.hash = '#s=eyJmb3JtYXQiOiJzZWNyZXRhcmlhdC1wbGF5Z3JvdW5kLzEifQ'; });
      await p.waitForSelector(sel('link-error'));
      assert.match(await p.textContent(sel('link-error')), /ancien format/);
    } finally {
      await ctx.close();
    }
  });

  test('a link over a file the recipient lacks waits for that file', async () => {
    const sender = await fresh();
    const recipient = await fresh();
    try {
      const s = sender.p;
      await editCabinet(s);
      assert.match(await s.textContent(sel('share-note')), /même fichier/);
      await s.click(sel('share'));
      const link = await s.inputValue(sel('share-link'));
      assert.ok(!payload(link).includes('P-0101'), 'never the patients of the imported file');

      const r = recipient.p;
      await r.goto(link);
      const missing = r.locator(sel('link-missing'));
      await missing.waitFor();
      assert.match(await missing.textContent(), /Cabinet importé/);
      assert.match(await r.textContent(sel('org-name')), /Démo/);
      await r.click(sel('nav-organisation'));
      // A copy of the same file, spaced otherwise: the same fingerprint.
      await r.setInputFiles(sel('import-file'), {
        name: 'cabinet.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(CABINET, null, 4)),
      });
      await r.click(sel('link-accept'));
      await r.waitForSelector(sel('link-opened'));
      assert.match(await r.textContent(sel('org-name')), /Cabinet importé/);
      assert.match(await r.textContent(sel('edit-count')), /1 modification/);
    } finally {
      await sender.ctx.close();
      await recipient.ctx.close();
    }
  });

  test('a whole file is sent as a pseudonymised copy, with a link over the copy', async () => {
    const sender = await fresh();
    const recipient = await fresh();
    try {
      const s = sender.p;
      await editCabinet(s);
      const [download] = await Promise.all([s.waitForEvent('download'), s.click(sel('pseudonymised'))]);
      const path = join(OUT, 'organisation-pseudonymisee.json');
      await download.saveAs(path);
      const copy = await readFile(path, 'utf8');
      for (const p of DEMO.people) {
        assert.ok(!copy.includes(`"${p.name}"`), `no name (${p.name})`);
        if (p.rpps) assert.ok(!copy.includes(p.rpps), `no RPPS (${p.rpps})`);
      }
      for (const d of DEMO.network.dossiers) assert.ok(!copy.includes(d.patient), `no patient (${d.patient})`);
      assert.match(await s.textContent(sel('pseudonymised-key')), /^[0-9a-f]{32}$/);
      const link = await s.inputValue(sel('pseudonymised-link'));
      assert.ok(!payload(link).includes('sophie'), 'ids renamed in the link');

      const r = recipient.p;
      await r.goto(link);
      await r.waitForSelector(sel('link-missing'));
      await r.click(sel('nav-organisation'));
      await r.setInputFiles(sel('import-file'), { name: 'copie.json', mimeType: 'application/json', buffer: Buffer.from(copy) });
      await r.click(sel('link-accept'));
      await r.waitForSelector(sel('link-opened'));
      assert.match(await r.textContent(sel('edit-count')), /1 modification/);
    } finally {
      await sender.ctx.close();
      await recipient.ctx.close();
    }
  });

  test('nothing is kept without consent, and « Oublier cette organisation » clears it', async () => {
    const { ctx, p } = await fresh();
    try {
      await p.goto(server.url);
      // What an earlier version kept without asking is deleted, unread.
      await p.evaluate(() => localStorage.setItem('secretariat-playground', '{"format":"secretariat-playground/1"}'));
      await p.reload();
      await p.waitForSelector(sel('sees-view'));
      assert.deepEqual(await p.evaluate(() => Object.keys(localStorage)), []);
      await editCabinet(p);
      await p.waitForSelector(sel('edit-count'));
      assert.deepEqual(await p.evaluate(() => Object.keys(localStorage)), [], 'nothing kept without consent');
      await p.reload();
      await p.waitForSelector(sel('sees-view'));
      assert.match(await p.textContent(sel('org-name')), /Démo/, 'a reload forgets the work');
      // With consent, the file is kept; « Oublier » deletes it and goes back to the demo.
      await p.click(sel('nav-organisation'));
      await importFile(p, 'cabinet.json', CABINET);
      await p.waitForSelector(sel('import-ok'));
      await p.check(sel('keep'));
      await p.waitForFunction(() => (localStorage.getItem('secretariat-playground/2') ?? '').includes('P-0101'));
      await p.reload();
      await p.waitForSelector(`${sel('org-name')}:has-text("Cabinet importé")`);
      await p.click(sel('nav-organisation'));
      assert.ok(await p.isChecked(sel('keep')));
      await p.click(sel('forget'));
      await p.waitForSelector(`${sel('org-name')}:has-text("Démo")`);
      assert.deepEqual(await p.evaluate(() => Object.keys(localStorage)), []);
      assert.ok(!(await p.isChecked(sel('keep'))));
      await p.reload();
      await p.waitForSelector(`${sel('org-name')}:has-text("Démo")`);
    } finally {
      await ctx.close();
    }
  });

  test('CSP: the loader is allowed by hash, the server sends the policy with frame-ancestors', async () => {
    const response = await page.goto(server.url);
    await page.waitForSelector('main');
    const header = response.headers()['content-security-policy'] ?? '';
    const meta = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    for (const [where, policy] of [['header', header], ['meta', meta]]) {
      const scriptSrc = policy.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src')) ?? '';
      assert.ok(!scriptSrc.includes("'unsafe-inline'"), `${where}: ${scriptSrc}`);
      assert.match(scriptSrc, /'sha256-[A-Za-z0-9+/]+=*'/, `${where}: the loader by hash`);
      assert.match(policy, /object-src 'none'/, where);
    }
    assert.match(header, /frame-ancestors 'none'/);
    assert.equal(response.headers()['x-content-type-options'], 'nosniff');
    // Framed by another page: refused (without the header the frame loads the page).
    const framer = await context.newPage();
    await framer.setContent(`<iframe src="${server.url}" title="x"></iframe>`);
    await framer.waitForTimeout(1000);
    const frame = framer.frames().find((f) => f !== framer.mainFrame());
    assert.ok(frame && !frame.url().startsWith(server.url), `not loaded in a frame (${frame?.url()})`);
    violations.splice(0, violations.length, ...violations.filter((v) => !v.includes('frame-ancestors')));
    await framer.close();
  });

  test('names are text on every screen, never markup', async () => {
    const EVIL = [
      '<img src=x onerror="window.__pwned=\'img\'">',
      '<script>window.__pwned=\'script\'</script>',
      '"><svg onload="window.__pwned=\'svg\'">',
      "'><iframe src=javascript:window.__pwned='iframe'>",
      '&lt;b&gt;entité&lt;/b&gt;',
    ];
    let i = 0;
    const evil = (name) => `${EVIL[i++ % EVIL.length]} ${name}`;
    const org = structuredClone(DEMO);
    org.name = `Cabinet ${EVIL[0]}`;
    for (const p of org.people) p.name = evil(p.name);
    for (const g of org.groups) g.name = evil(g.name);
    for (const c of org.network.centres) c.name = evil(c.name);
    for (const r of org.network.rcps) r.name = evil(r.name);
    const inert = async (where) => {
      const found = await page.evaluate(() => ({
        pwned: window.__pwned ?? null,
        markup: document.querySelectorAll('img, iframe, [onerror], [onload], [onclick], body script').length,
        scripts: document.scripts.length,
      }));
      assert.deepEqual(found, { pwned: null, markup: 0, scripts: 1 }, `${where}: names stay text`);
      assert.deepEqual(dialogs, [], `${where}: no script ran`);
    };
    const shows = async (where, locator) => {
      const text = await page.locator(locator).innerText();
      assert.ok(EVIL.some((e) => text.includes(e)), `${where}: the names are shown as written`);
    };
    await go('organisation');
    await importFile(page, 'evil.json', org);
    await page.waitForSelector(sel('import-ok'));
    await shows('header', sel('org-name'));
    await shows('organisation', 'main');
    await inert('organisation');
    // The error list: a refused file whose problems quote hostile values.
    const bad = structuredClone(org);
    bad.people.push({ ...bad.people[0] });
    bad.practice.accesses[0].permissions.push(EVIL[0]);
    await importFile(page, 'evil-bad.json', bad);
    await page.waitForSelector(sel('import-errors'));
    await shows('error list', sel('import-errors'));
    await inert('error list');
    await page.click(`${sel('import-errors')} button`);
    // What she sees: the practice application and the DCC screens (agenda, déroulement, dossiers).
    await go('sees');
    await page.selectOption(sel('secretary-select'), 'sophie');
    await page.check(sel('ghosts'));
    for (const part of ['practice-app', 'dcc-agenda', 'dcc-session-run', 'dcc-dossiers']) {
      await page.waitForSelector(sel(part));
    }
    await shows('practice application', sel('practice-app'));
    await shows('DCC', sel('dcc-app'));
    await inert('what she sees');
    // The explanation.
    await page.locator('[data-action="practice.login_as_doctor"][data-shown="false"]').first().click();
    await page.waitForSelector(sel('explain-dialog'));
    await shows('explanation', sel('explain-dialog'));
    await inert('explanation');
    await page.keyboard.press('Escape');
    await page.uncheck(sel('ghosts'));
    // Simulation: diff, findings and change requests name people.
    await go('simulate');
    await page.selectOption(sel('secretary-select'), 'sophie');
    await page.check(sel('perm-dr-martin-export_patients'));
    await page.waitForSelector(`${sel('requests')} .request`);
    await shows('simulation', 'main');
    await inert('simulation');
    await shot('13-names-are-text');
    // The report.
    await go('report');
    await page.selectOption(sel('report-doctor'), 'dr-durand');
    await page.waitForSelector(sel('report-table'));
    await shows('report', sel('report-table'));
    await inert('report');
    await go('trainer');
    await inert('trainer');
    await go('organisation');
    await page.click(sel('reset'));
    await page.waitForSelector(`${sel('org-name')}:has-text("Démo")`);
  });

  test('accessibility: axe finds no serious or critical violation on any screen, at 1280 and 390 px', async () => {
    const found = [];
    // Colours are measured once settled: no transition half-way.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const check = async (where) => {
      if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE);
      const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
      for (const v of result.violations) {
        if (v.impact === 'serious' || v.impact === 'critical') {
          const nodes = v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} ${n.html.slice(0, 90)} ${(n.any[0] ?? n.all[0] ?? n.none[0])?.message ?? ''}`);
          found.push(`${where}: ${v.id} (${v.impact}, ${v.nodes.length} nodes) ${v.help} — ${nodes.join(' | ')}`);
        }
      }
    };
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: width > 500 ? 800 : 844 });
      await go('sees');
      await page.selectOption(sel('secretary-select'), 'sophie');
      await check(`${width} sees`);
      await page.check(sel('ghosts'));
      await check(`${width} sees with ghosts`);
      await page.locator('[data-action="practice.login_as_doctor"][data-shown="false"]').first().click();
      await page.waitForSelector(sel('explain-dialog'));
      await check(`${width} explanation`);
      await page.keyboard.press('Escape');
      await page.uncheck(sel('ghosts'));
      await go('simulate');
      await page.selectOption(sel('secretary-select'), 'sophie');
      await page.check(sel('perm-dr-martin-export_patients'));
      await page.waitForSelector(`${sel('requests')} .request`);
      await check(`${width} simulate`);
      await go('trainer');
      await check(`${width} trainer`);
      await go('report');
      await page.selectOption(sel('report-doctor'), 'dr-durand');
      await page.waitForSelector(sel('report-table'));
      await check(`${width} report`);
      await page.selectOption(sel('report-reader'), 'sophie');
      await page.waitForSelector(sel('report-denied'));
      await check(`${width} report refused`);
      await page.selectOption(sel('report-reader'), '');
      await go('organisation');
      await page.click(sel('share'));
      await importFile(page, 'casse.json', { format: 'secretariat-org/1', name: 'x', people: [{ id: 'a' }] });
      await page.waitForSelector(sel('import-errors'));
      await check(`${width} organisation`);
      await page.click(`${sel('import-errors')} button`);
      // The link banners: asking, opened (undo), refused.
      const link = await page.inputValue(sel('share-link'));
      await page.evaluate((h) => { window.location.hash = h; }, new URL(link).hash);
      await page.waitForSelector(sel('link-offer'));
      await check(`${width} link offered`);
      await page.click(sel('link-accept'));
      await page.waitForSelector(sel('link-opened'));
      await check(`${width} link opened`);
      await page.click(sel('link-dismiss'));
      await page.evaluate(() => { window.location.hash = '#s=old'; });
      await page.waitForSelector(sel('link-error'));
      await check(`${width} link banner`);
      await page.click(sel('link-dismiss'));
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.emulateMedia({ reducedMotion: null });
    figures.axe_serious_or_critical = found.length;
    assert.deepEqual(found, []);
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

  test('no request beyond its own static files, no page error, no CSP violation', async () => {
    const foreign = requests.filter((u) => !u.startsWith(server.url) && !u.startsWith('data:') && !u.startsWith('blob:'));
    assert.deepEqual(foreign, []);
    assert.deepEqual(errors, []);
    assert.deepEqual(violations, []);
  });
});
