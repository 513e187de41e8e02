// End-to-end: a person who has only spreadsheets builds her organisation in the playground, from a
// blank one, without writing JSON — spreadsheets dropped in, then the forms — and simulates a new
// secretary's arrival; a trainer opens a scenario file whose expected answer is wrong and sees it
// flagged. Headless Chromium (Debian's), playwright-core, dist/ served on 127.0.0.1.
//
//   DIST=../../dist node --test build.test.mjs
//
// The spreadsheets and the scenario file are fixtures beside this file (fixtures/). Screenshots go
// to tests/output/.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS as ARGS, serve } from '../lib/browser.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const DIST = resolve(process.env.DIST ?? join(here, '../../dist'));
const OUT = resolve(process.env.OUT ?? join(here, '../output'));
const FIXTURES = join(here, 'fixtures');

let server;
let profile;
let context;
let page;
const errors = [];

const sel = (id) => `[data-testid="${id}"]`;

async function shot(name) {
  await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
}

async function go(screen) {
  await page.click(sel(`nav-${screen}`));
  await page.waitForSelector(`main.screen-${screen}`);
}

async function form(name) {
  await page.click(sel(`build-${name}`));
  await page.waitForSelector(sel(`build-form-${name}`));
}

/** Drops a fixture on a drop zone the way a file manager does: a `drop` event with a DataTransfer. */
async function drop(zone, file, type = 'text/csv') {
  const bytes = [...(await readFile(join(FIXTURES, file)))];
  const dt = await page.evaluateHandle(({ bytes, file, type }) => {
    const t = new DataTransfer();
    t.items.add(new File([new Uint8Array(bytes)], file, { type }));
    return t;
  }, { bytes, file, type });
  await page.dispatchEvent(sel(zone), 'dragover', { dataTransfer: dt });
  await page.dispatchEvent(sel(zone), 'drop', { dataTransfer: dt });
}

/** Picks a fixture with the zone's file input. */
async function pick(input, file) {
  await page.setInputFiles(sel(input), join(FIXTURES, file));
}

/** The number of edits the header shows (0 when none). */
async function editCount() {
  const pill = page.locator(sel('edit-count'));
  return (await pill.count()) ? Number.parseInt(await pill.textContent(), 10) : 0;
}

/** Applies a form and waits until the engine took it: the edit count grows by `added`. */
async function apply(button, added) {
  const before = await editCount();
  await page.click(sel(button));
  await page.waitForFunction(
    (n) => Number.parseInt(document.querySelector('[data-testid="edit-count"]')?.textContent ?? '0', 10) === n,
    before + added,
  );
}

before(async () => {
  await mkdir(OUT, { recursive: true });
  profile = await mkdtemp(join(tmpdir(), 'secretariat-e2e-build-'));
  server = await serve(DIST);
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 1280, height: 900 },
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('dialog', (d) => d.dismiss().catch(() => {}));
  await page.goto(server.url);
  await page.waitForSelector(sel('nav-build'));
});

after(async () => {
  await context?.close();
  await server?.close();
  if (profile) await rm(profile, { recursive: true, force: true });
});

describe('building an organisation without JSON', () => {
  test('starts from a blank organisation, named, with its support addresses', async () => {
    await go('build');
    await form('new-org');
    await page.fill(sel('new-org-name'), 'Cabinet des Lilas');
    await page.fill(sel('new-org-practice'), 'support@editeur.example');
    await page.fill(sel('new-org-network'), 'support@reseau.example');
    await page.click(sel('new-org-create'));
    await page.waitForFunction(() => document.querySelector('[data-testid="org-name"]')?.textContent === 'Cabinet des Lilas');
    assert.equal(await page.locator(sel('edit-count')).count(), 0, 'a blank organisation has no edit');
  });

  test('drops spreadsheets: people, practice accesses and the network report become edits', async () => {
    await form('sheets');
    await drop('sheets-dropzone', 'personnes.csv');
    await page.waitForSelector(sel('sheets-ok'));
    assert.match(await page.textContent(sel('sheets-ok')), /personnes\.csv/);
    assert.equal(await page.textContent(sel('edit-count')), '4 modifications', 'one edit per person');
    // Two sheets at once, picked with the file input (the comma-separated one as written by a US locale).
    await page.setInputFiles(sel('sheets-file'), [join(FIXTURES, 'acces-cabinet.csv'), join(FIXTURES, 'secretaires-du-medecin.csv')]);
    await page.waitForFunction(() => /acces-cabinet\.csv/.test(document.querySelector('[data-testid="sheets-ok"]')?.textContent ?? ''));
    const edits = Number.parseInt(await page.textContent(sel('edit-count')), 10);
    assert.ok(edits >= 7, `accesses and affiliations added (${edits} edits)`);
    // A sheet with problems imports nothing and says where: row and column.
    await drop('sheets-dropzone', 'personnes-erreurs.csv');
    const error = page.locator(sel('sheets-error'));
    await error.waitFor();
    assert.ok(await error.locator('tr[data-row="2"][data-column="2"]').count() >= 1, 'row 2, column B: `docteur`');
    assert.ok(await error.locator('tr[data-row="3"][data-column="3"]').count() >= 1, 'row 3, column C: the RPPS');
    assert.equal(Number.parseInt(await page.textContent(sel('edit-count')), 10), edits, 'nothing half-imported');
    await shot('20-build-sheets');
  });

  test('adds a centre, a doctor (RPPS checked as typed), a group and an RCP with the forms', async () => {
    await form('centre');
    await page.fill(sel('centre-name'), '3C de Caen');
    await apply('centre-add', 1);

    await form('doctor');
    await page.fill(sel('doctor-name'), 'Dr Hélène Roux');
    await page.fill(sel('doctor-rpps'), '10010642');
    assert.equal(await page.getAttribute(sel('rpps-check'), 'data-state'), 'typing');
    await page.fill(sel('doctor-rpps'), '10010642411');
    assert.equal(await page.getAttribute(sel('rpps-check'), 'data-state'), 'invalid', 'a wrong Luhn key');
    assert.ok(await page.isDisabled(sel('doctor-add')));
    await page.fill(sel('doctor-rpps'), '10010642410');
    assert.equal(await page.getAttribute(sel('rpps-check'), 'data-state'), 'valid');
    await apply('doctor-add', 1);

    await form('group');
    await page.fill(sel('group-name'), 'Secrétariat digestif');
    await page.check(sel('group-member-lea-moreau'));
    await page.check(sel('group-doctor-dr-paul-durand'));
    await apply('group-add', 2);

    await form('rcp');
    await page.fill(sel('rcp-name'), 'RCP digestive');
    await page.selectOption(sel('rcp-role-dr-paul-durand'), 'both');
    await page.selectOption(sel('rcp-role-dr-helene-roux'), 'participant');
    await page.check(sel('rcp-responsable-dr-paul-durand'));
    await page.fill(sel('rcp-session'), '2026-12-02');
    await apply('rcp-add', 1);
    assert.equal(await page.locator(sel('edit-error')).count(), 0, 'the engine took every form');
    const history = await page.textContent(sel('history'));
    assert.match(history, /Nouvelle RCP : RCP digestive/);
    await shot('21-build-forms');
    // The organisation as built becomes the reference for the arrival.
    await page.click(sel('adopt'));
    await page.waitForSelector(sel('edit-count'), { state: 'detached' });
  });

  test("simulates a new secretary's arrival: her gains and the requests to the vendor and the network", async () => {
    await form('arrival');
    await page.fill(sel('arrival-name'), 'Camille Petit');
    await page.check(sel('arrival-doctor-dr-claire-martin'));
    await page.check(sel('arrival-doctor-dr-paul-durand'));
    // The vendor's recommended permissions are ticked; the others are not.
    assert.ok(await page.isChecked(sel('arrival-perm-dr-claire-martin-agenda')));
    assert.ok(await page.isChecked(sel('arrival-perm-dr-claire-martin-letters')));
    assert.ok(!(await page.isChecked(sel('arrival-perm-dr-claire-martin-export_patients'))));
    // The sensitive ones are folded behind their warning, the core's text.
    const login = page.locator(sel('arrival-perm-dr-claire-martin-login_as_doctor'));
    assert.ok(!(await login.isVisible()), 'folded');
    await page.click(sel('arrival-sensitive-dr-claire-martin'));
    const doctor = page.locator('.arrival-doctor[data-doctor="dr-claire-martin"]');
    assert.match(await doctor.locator(sel('warning-login_as_doctor')).textContent(),
      /Ne jamais activer cette option pour un secrétaire externe ou un prestataire tiers/);
    await login.check();
    // An export asks for her confidentiality acknowledgement (the seed's warning, P6).
    assert.equal(await page.locator(sel('arrival-confidentiality-dr-claire-martin')).count(), 0);
    await page.check(sel('arrival-perm-dr-claire-martin-export_patients'));
    assert.match(await doctor.locator(sel('warning-export_patients')).textContent(), /obligations de confidentialité/);
    await page.check(sel('arrival-confidentiality-dr-claire-martin'));
    await page.uncheck(sel('arrival-perm-dr-paul-durand-letters'));
    await page.selectOption(sel('arrival-through-dr-paul-durand'), 'group:secretariat-digestif');
    await page.check(sel('arrival-centre-3c-de-caen'));
    // Her person, two accesses, her acknowledgement, her profile, one direct affiliation, joining
    // the group (already attached to Dr Durand): seven changes.
    await apply('arrival-simulate', 7);
    await shot('22-build-arrival');

    const her = page.locator(`${sel('diff')} [data-secretary="camille-petit"]`);
    await her.waitFor();
    assert.ok(await her.locator('.gained li').count() >= 5, 'her gains are listed');
    assert.equal(await her.locator('.lost li').count(), 0);
    assert.ok(await her.locator('.gained li[data-action="practice.agenda"][data-resource="doctor:dr-claire-martin"]').count() === 1);

    const kinds = await page.$$eval(`${sel('requests')} .request`, (els) => els.map((e) => e.dataset.kind));
    assert.deepEqual(kinds.slice(0, 3), ['add_access', 'add_access', 'account_opening'], `in the seeds' order: ${kinds}`);
    assert.ok(kinds.includes('category_rectification'));
    assert.ok(kinds.includes('affiliation_change'));
    const vendor = page.locator(`${sel('requests')} .request[data-kind="add_access"]`).first();
    assert.match(await vendor.locator('.request-to').textContent(), /support@editeur\.example/);
    assert.match(await vendor.locator('.request-subject').textContent(), /Ajout d'un accès secrétariat/);
    assert.match(await vendor.locator('.request-body').textContent(), /Ne jamais activer cette option/);
    const network = page.locator(`${sel('requests')} .request[data-kind="account_opening"]`);
    assert.match(await network.locator('.request-to').textContent(), /support@reseau\.example/);
    assert.match(await network.textContent(), /secrétaire médecin/);
    assert.match(await network.textContent(), /3C de Caen/);
  });

  test('the organisation was built without JSON, and its sheets export', async () => {
    // Everything so far came from spreadsheets and forms; the engine holds it as any organisation.
    await go('sees');
    await page.waitForSelector(sel('secretary-select'));
    const options = await page.$$eval(`${sel('secretary-select')} option`, (els) => els.map((e) => e.value));
    for (const id of ['sophie-bernard', 'lea-moreau', 'camille-petit']) assert.ok(options.includes(id), `${id} in ${options}`);
    await go('build');
    await form('sheets');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(sel('export-people'))]);
    const text = await readFile(await download.path(), 'utf8');
    assert.match(text, /Camille Petit/);
    assert.match(text, /Dr Hélène Roux;/);
  });
});

describe("a trainer's own scenarios", () => {
  test('the built-in scenarios agree with the engine', async () => {
    await go('trainer');
    await page.waitForSelector(sel('scenarios-agree'));
    assert.ok(await page.locator('.scenario-link').count() >= 8);
  });

  test('a scenario file with a wrong expected answer is flagged where it disagrees', async () => {
    await page.setInputFiles(sel('scenarios-file'), join(FIXTURES, 'scenarios-formateur.json'));
    const banner = page.locator(sel('scenarios-disagree'));
    await banner.waitFor();
    assert.match(await banner.textContent(), /^1 \/ 2 /);
    assert.match(await page.textContent(sel('scenarios-title')), /Séance du jeudi/);
    assert.equal(await banner.locator('li[data-step="login-as"]').count(), 1);
    assert.match(await page.getAttribute(sel('scenario-login-as'), 'class'), /is-wrong/);
    assert.doesNotMatch(await page.getAttribute(sel('scenario-agenda'), 'class'), /is-wrong/);
    // The right step is not flagged; the wrong one shows the engine's answer and the trainer's.
    assert.equal(await page.locator(`${sel('scenario-checks')} [data-wrong="true"]`).count(), 0);
    await page.click(sel('scenario-login-as'));
    await page.waitForSelector(`${sel('scenario')}[data-scenario="login-as"]`);
    const card = page.locator(`${sel('scenario-checks')} .check-card`).first();
    assert.equal(await card.getAttribute('data-wrong'), 'true');
    assert.match(await card.getAttribute('class'), /is-deny/, 'the engine denies');
    assert.match(await card.locator(sel('expected-wrong')).textContent(), /autorisé/);
    assert.match(await page.textContent(sel('step-disagreements')), /steps\[1\]\.expect\.decisions\[0\]/);
    await shot('23-trainer-wrong');
  });

  test('a scenario prints as a handout', async () => {
    await page.emulateMedia({ media: 'print' });
    assert.ok(!(await page.isVisible('.scenario-nav')), 'no navigation on paper');
    assert.ok(!(await page.isVisible(sel('scenarios-dropzone'))));
    assert.ok(await page.isVisible('.scenario .question'));
    assert.ok(await page.isVisible(".answer-print p"), "the commented answer is printed");
    assert.ok(!(await page.isVisible(".answer-print [data-testid]")));
    await shot('24-trainer-print');
    await page.emulateMedia({ media: 'screen' });
    await page.click(sel('scenarios-builtin'));
    await page.waitForSelector(sel('scenarios-agree'));
    assert.deepEqual(errors, [], 'no error in the page');
  });
});
