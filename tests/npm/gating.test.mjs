// Gating that fails closed, in headless Chromium: the cases of pages/gating.html (each element
// says what it must be), with the `.wasm` blocked or late, with bad options, with elements added
// and attributes changed after `watch`, and every way of following a denied link in `disable` mode.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './chromium.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const PAGE = 'tests/npm/pages/gating.html';

/** A fresh page on the cases, gated with `options` (or failed); `route` may block or delay. */
async function open(options = {}, route) {
  const page = await browser.context.newPage();
  if (route) await page.route('**/*.wasm', route);
  await page.goto(browser.url(`${PAGE}?options=${encodeURIComponent(JSON.stringify(options))}`));
  await page.waitForFunction(() => document.getElementById('state').textContent !== 'loading');
  return page;
}

/** Every gated element of the cases: its text, what it must be, and what it is. */
function states(page, within = '#root') {
  return page.evaluate((selector) => Array.from(document.querySelectorAll(`${selector} [data-requires]`), (e) => ({
    text: e.textContent.trim(),
    expect: e.dataset.expect,
    deny: e.hasAttribute('data-deny'),
    problem: e.hasAttribute('data-problem'),
    visible: e.checkVisibility({ visibilityProperty: true }),
    gate: e.getAttribute('data-gate'),
    disabled: e.getAttribute('aria-disabled') === 'true',
  })), within);
}

const visibleOnes = (list) => list.filter((s) => s.visible).map((s) => s.text);

test('hide mode: shown exactly what she may do; malformed or unknown requests hidden and reported', async () => {
  const page = await open();
  assert.equal(await page.textContent('#state'), 'gated');
  const list = await states(page);
  assert.deepEqual(visibleOnes(list), list.filter((s) => s.expect === 'shown').map((s) => s.text));
  assert.ok(list.some((s) => s.visible) && list.some((s) => !s.visible));
  for (const s of list.filter((s) => s.problem)) assert.equal(s.gate, 'error', s.text);
  const problems = await page.evaluate(() => window.problems);
  assert.deepEqual(problems.map((p) => p.text).sort(), list.filter((s) => s.problem).map((s) => s.text).sort());
  const third = problems.find((p) => p.text === 'three tokens');
  assert.match(third.message, /`practice\.agenda doctor:dr-martin extra`/);
  await page.close();
});

test('the .wasm blocked: no gated element is ever shown, on the cases and on the host example', async () => {
  const page = await open({}, (route) => route.abort());
  assert.equal(await page.textContent('#state'), 'failed');
  assert.deepEqual(visibleOnes(await states(page)), []);
  await page.close();

  const host = await browser.context.newPage();
  await host.route('**/*.wasm', (route) => route.abort());
  const failed = host.waitForEvent('requestfailed', (r) => r.url().endsWith('.wasm'));
  await host.goto(browser.url('web/host-example/'), { waitUntil: 'commit' });
  await failed;
  await host.waitForLoadState('load');
  const shown = await host.evaluate(() => Array.from(document.querySelectorAll('[data-requires]'))
    .filter((e) => e.checkVisibility()).length);
  assert.equal(await host.locator('[data-requires]').count() > 20, true);
  assert.equal(shown, 0);
  await host.close();
});

test('the .wasm late: nothing flashes on the host example before the gate has decided', async () => {
  const host = await browser.context.newPage();
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  let asked;
  const wasmAsked = new Promise((resolve) => { asked = resolve; });
  await host.route('**/*.wasm', async (route) => { asked(); await held; await route.continue(); });
  await host.goto(browser.url('web/host-example/'), { waitUntil: 'commit' });
  await wasmAsked;
  const whileLoading = await host.evaluate(() => Array.from(document.querySelectorAll('[data-requires]'))
    .filter((e) => e.checkVisibility()).map((e) => e.textContent.trim()));
  release();
  await host.waitForSelector('body[data-ready="true"]');
  assert.deepEqual(whileLoading, []);
  assert.equal(await host.locator('[data-requires="practice.login_as_doctor"]').isVisible(), false);
  assert.equal(await host.locator('[data-requires="practice.agenda"]').isVisible(), true);
  await host.close();
});

const BAD_OPTIONS = [
  [{ lang: 'xx' }, /`lang`.*`xx`/],
  [{ mode: 'fade' }, /`mode`.*`fade`/],
  [{ now: 'hier' }, /`now`/],
  [{ mdoe: 'disable' }, /unknown gate option `mdoe`/],
  [{ explain: 'yes' }, /`explain`/],
  [{ principal: 42 }, /principal/],
  [{ policy: null }, /policy/],
];

test('a bad option: nothing is shown, the error says which option', async () => {
  for (const [options, message] of BAD_OPTIONS) {
    const page = await open(options);
    const failure = await page.evaluate(() => window.failure);
    assert.equal(failure?.code, 'bad_argument', JSON.stringify(options));
    assert.equal(failure.name, 'SecretariatError', JSON.stringify(options));
    assert.match(failure.message, message);
    const list = await states(page);
    assert.deepEqual(visibleOnes(list), [], JSON.stringify(options));
    assert.ok(list.every((s) => s.gate === 'error'), JSON.stringify(options));
    await page.close();
  }
});

test('a bad option on update hides what was shown, and what is added until a good one', async () => {
  const page = await open();
  assert.ok(visibleOnes(await states(page)).length > 0);
  const thrown = await page.evaluate(() => {
    try {
      window.watcher.update({ principal: 'lea', lang: 'xx' });
      return null;
    } catch (e) {
      return e.code;
    }
  });
  assert.equal(thrown, 'bad_argument');
  assert.deepEqual(visibleOnes(await states(page)), []);
  await page.evaluate(async () => {
    document.getElementById('later').innerHTML = '<a data-requires="dcc.icon.agenda">late</a>';
    await new Promise(requestAnimationFrame);
  });
  assert.deepEqual(visibleOnes(await states(page)), []);
  await page.evaluate(() => window.watcher.update({ principal: 'sophie', lang: 'en' }));
  const list = await states(page, ':is(#practice, #dcc)');
  assert.deepEqual(visibleOnes(list), list.filter((s) => s.expect === 'shown').map((s) => s.text));
  assert.deepEqual(visibleOnes(await states(page, '#later')), ['late']);
  await page.close();
});

test('watch: elements added later, resources and requests that change are gated before the next paint', async () => {
  const page = await open();
  /** Applies `change` to #later, then reads the states inside the next animation frame. */
  const after = (change) => page.evaluate(async (code) => {
    const later = document.getElementById('later');
    new Function('later', code)(later);
    await new Promise(requestAnimationFrame);
    return Array.from(later.querySelectorAll('a'), (e) => `${e.id}:${e.checkVisibility() ? 'shown' : 'hidden'}`);
  }, change);

  assert.deepEqual(await after(`later.innerHTML = '<div data-resource="doctor:dr-martin">'
    + '<a id="agenda" href="#" data-requires="practice.agenda">a</a>'
    + '<a id="patients" href="#" data-requires="practice.patients">p</a>'
    + '<a id="pid" href="#" data-requires="practice.pid_billing">b</a></div>';`),
  ['agenda:shown', 'patients:shown', 'pid:hidden']);
  // The dossier list case: the resource changes on the container only.
  assert.deepEqual(await after(`later.firstChild.dataset.resource = 'doctor:dr-durand';`),
    ['agenda:shown', 'patients:hidden', 'pid:hidden']);
  assert.deepEqual(await after(`later.querySelector('#agenda').dataset.requires = 'practice.login_as_doctor';`),
    ['agenda:hidden', 'patients:hidden', 'pid:hidden']);
  // No longer gated: given back as the host wrote it.
  assert.deepEqual(await after(`later.querySelector('#pid').removeAttribute('data-requires');`),
    ['agenda:hidden', 'patients:hidden', 'pid:shown']);
  // Appended one by one, a malformed one among them: hidden and reported.
  assert.deepEqual(await after(`for (const r of ['practice.patients doctor:dr-martin', 'practice.agenda doctor:dr-martin x']) {
    const a = document.createElement('a'); a.id = r.split(' ').length; a.dataset.requires = r; later.append(a); }`),
  ['agenda:hidden', 'patients:hidden', 'pid:shown', '2:shown', '3:hidden']);
  const problems = await page.evaluate(() => window.problems.map((p) => p.message));
  assert.ok(problems.some((m) => m.includes('`practice.agenda doctor:dr-martin x`')));
  // Stopped: what is added is no longer decided, and the stylesheet keeps it hidden.
  assert.deepEqual(await after(`window.watcher.stop();
    later.insertAdjacentHTML('beforeend', '<a id="unwatched" data-requires="practice.agenda doctor:dr-martin">u</a>');`),
  ['agenda:hidden', 'patients:hidden', 'pid:shown', '2:shown', '3:hidden', 'unwatched:hidden']);
  await page.close();
});

test('disable mode: denied items stay visible and no click, middle click or key follows them', async () => {
  const page = await open({ mode: 'disable' });
  const list = await states(page);
  assert.deepEqual(visibleOnes(list), list.filter((s) => s.expect === 'shown' || s.deny).map((s) => s.text));
  for (const s of list.filter((s) => s.deny)) assert.equal(s.disabled, true, s.text);
  for (const s of list.filter((s) => s.problem)) assert.equal(s.visible, false, s.text);

  // Followed: a request from this page, or a new tab (middle or Ctrl click) opened on the link.
  const followed = [];
  const record = (url) => {
    const path = new URL(url, 'http://x').pathname;
    if (['/denied', '/inner', '/keyboard', '/allowed'].includes(path)) followed.push(path);
  };
  const watchRequests = (request) => record(request.url());
  const watchPages = (opened) => record(opened.url());
  browser.context.on('request', watchRequests);
  browser.context.on('page', watchPages);
  const pagesBefore = browser.context.pages().length;
  const pid = page.locator('a', { hasText: /^PID$/ });
  const inner = page.locator('#inner');
  const keyboard = page.locator('#keyboard');
  await pid.click({ force: true });
  await pid.click({ button: 'middle', force: true });
  await pid.click({ modifiers: ['Control'], force: true });
  await inner.click({ force: true });
  await inner.click({ button: 'middle', force: true });
  await inner.focus();
  await page.keyboard.press('Enter');
  await keyboard.focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Space');
  await keyboard.click({ force: true });
  // The control: the same middle click on an allowed link does open it.
  await page.locator('a', { hasText: /^Agenda$/ }).click({ button: 'middle' });
  await new Promise((resolve) => setTimeout(resolve, 500));
  browser.context.off('request', watchRequests);
  browser.context.off('page', watchPages);
  assert.deepEqual(followed, ['/allowed']);
  assert.equal(browser.context.pages().length, pagesBefore + 1);
  assert.match(page.url(), /gating\.html/);
  for (const p of browser.context.pages().slice(pagesBefore)) await p.close();
  await page.close();
});
