// secretariat/react in headless Chromium with React 19 from npm: tests/npm/react/app.js bundled by
// esbuild (the package resolved by its name, React as its peer), the engine loaded from pkg/.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { bundleForPage, launch } from './chromium.mjs';

let browser;
let page;

before(async () => {
  browser = await launch();
  const bundle = await bundleForPage({ entryPoints: [fileURLToPath(new URL('react/app.js', import.meta.url))] });
  page = browser.page;
  await page.route('**/react-test/**', (route) => {
    if (route.request().url().endsWith('/app.js')) {
      return route.fulfill({ contentType: 'text/javascript', body: bundle });
    }
    return route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,">
        <div id="app"></div><script type="module" src="app.js"></script>`,
    });
  });
  await page.goto(browser.url('react-test/index.html'));
  await page.waitForFunction(() => document.body.dataset.ready === 'true', null, { timeout: 15000 })
    .catch(() => assert.fail(`the app did not start: ${browser.errors.join('; ')}`));
});

after(async () => { await browser?.close(); });

const NOW = '2026-11-23T10:00:00Z';

/** Renders with `props` and reads what the menu shows. */
async function shows(props) {
  await page.evaluate((p) => window.render(p), props);
  return page.evaluate(() => ({
    agenda: document.getElementById('agenda') !== null,
    pid: document.getElementById('pid') !== null,
    noPid: document.getElementById('no-pid') !== null,
    export: document.getElementById('export') !== null,
    coffee: document.getElementById('coffee') !== null,
    icon: document.getElementById('icon').textContent,
    dossiers: document.getElementById('dossiers').textContent,
    outside: document.getElementById('outside').textContent,
  }));
}

/** What the engine itself says for `principal` on the menu's requests (`policy.can`). */
function engine(principal, policy = 'demo') {
  return page.evaluate(async ({ who, name, now }) => {
    const { load } = await import('/pkg/index.js');
    let p = await load(await (await fetch('/tests/fixtures/demo/org.json')).text());
    if (name === 'granted') {
      p = (await p.admin()).withChanges([{ op: 'grant_permission', secretary: 'sophie', doctor: 'dr-martin', permission: 'pid_billing' }]);
    }
    const can = (action, resource) => p.can(who, action, resource, now);
    return {
      agenda: can('practice.agenda', 'doctor:dr-martin'),
      pid: can('practice.pid_billing', 'doctor:dr-martin'),
      noPid: !can('practice.pid_billing', 'doctor:dr-martin'),
      export: can('practice.export_patients', 'doctor:dr-martin'),
      coffee: false,
      icon: can('dcc.icon.agenda') ? 'oui' : 'non',
      dossiers: ['d-101', 'd-102', 'd-103'].filter((id) => can('dcc.dossier.view', `dossier:${id}`)).join(','),
      outside: 'non',
    };
  }, { who: principal, name: policy, now: NOW });
}

test('Sophie: <Can> and useCan show what the engine allows, the fallback otherwise', async () => {
  const menu = await shows({ policy: 'demo', principal: 'sophie', now: NOW });
  assert.deepEqual(menu, await engine('sophie'));
  assert.equal(menu.agenda, true);
  assert.equal(menu.pid, false);
  assert.notEqual(menu.dossiers, '');
  // Outside the provider: denied. An unknown action: denied and reported.
  assert.equal(menu.outside, 'non');
  assert.equal(menu.coffee, false);
  assert.ok((await page.evaluate(() => window.problems)).some((m) => m.includes('practice.coffee')));
});

test('a new policy re-renders what depends on it, and only that', async () => {
  const still = await page.evaluate(() => window.renders.still);
  const menu = await shows({ policy: 'granted', principal: 'sophie', now: NOW });
  assert.deepEqual(menu, await engine('sophie', 'granted'));
  assert.equal(menu.pid, true);
  assert.equal(await page.evaluate(() => window.renders.still), still);
  assert.equal((await shows({ policy: 'demo', principal: 'sophie', now: NOW })).pid, false);
});

test('another principal re-renders: Léa has PID, not the agenda', async () => {
  const menu = await shows({ policy: 'demo', principal: 'lea', now: NOW });
  assert.deepEqual(menu, await engine('lea'));
  assert.equal(menu.pid, true);
  assert.equal(menu.agenda, false);
});

test('no principal, or a malformed now: everything denied, the error reported', async () => {
  const nobody = await shows({ policy: 'demo', principal: null, now: NOW });
  assert.deepEqual([nobody.agenda, nobody.pid, nobody.export, nobody.icon, nobody.dossiers], [false, false, false, 'non', '']);
  const before = await page.evaluate(() => window.problems.length);
  const bad = await shows({ policy: 'demo', principal: 'sophie', now: 'hier' });
  assert.deepEqual([bad.agenda, bad.icon, bad.noPid], [false, 'non', true]);
  const problems = await page.evaluate((n) => window.problems.slice(n), before);
  assert.ok(problems.some((m) => m.includes('`now`')), problems.join('\n'));
});

test('no error in the page', () => {
  assert.deepEqual(browser.errors, []);
});
