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

/** Applies a form and waits until the engine took it (the edit count moves). */
async function apply(button, edits) {
  await page.click(sel(button));
  await page.waitForFunction(
    ([id, n]) => document.querySelector(`[data-testid="${id}"]`)?.textContent?.startsWith(String(n)),
    ['edit-count', edits],
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
});
