// The host example's whole logic: load the engine and the signed-in secretary's scope, then re-gate
// the page after every change. Which element needs what is written in the HTML (`data-requires`);
// no rule is here. Served from the repository root, the package is at ../../pkg (scripts/build-npm).
//
// Like a real host, the page never receives the organisation file (every person, RPPS, dossier and
// patient id): only her scope, made on the server by `secretariat scope` or `policy.scope(id)`
// (docs/FRONTEND.md, RGPD and HDS). Switching secretary stands for a new sign-in.
import init, { Policy, gate } from '../../pkg/index.js';

const SCOPES = new URL('../../tests/fixtures/demo/scopes/', import.meta.url);
const $ = (id) => document.getElementById(id);

await init(); // fetches secretariat_bg.wasm beside the package's module
const fetchJson = async (name) => (await fetch(new URL(name, SCOPES))).json();
let policy = null; // her scope, loaded into the engine once per sign-in
let file = null;

/** Signs `id` in: fetches her scope and loads it (a scope loads like an organisation file). */
async function signIn(id) {
  file = await fetchJson(`${encodeURIComponent(id)}.json`);
  policy?.free();
  policy = Policy.load(file);
  const centre = $('centre').value;
  $('centre').replaceChildren(option('', 'tous les centres'));
  for (const c of file.centres ?? []) $('centre').append(option(c.id, c.name));
  if ((file.centres ?? []).some((c) => c.id === centre)) $('centre').value = centre;
}

function option(value, label) {
  const o = document.createElement('option');
  o.value = value;
  o.textContent = label;
  return o;
}

// The secretary switcher: who may sign in (every secretary of the demo has a scope).
for (const p of await fetchJson('index.json')) $('secretary').append(option(p.id, p.name));
await signIn($('secretary').value);

/** Sets the resource part of every `data-requires` under `container` (the open account, the centre). */
function scope(container, resource) {
  for (const element of container.querySelectorAll('[data-requires]')) {
    const [action] = element.dataset.requires.trim().split(/\s+/);
    element.dataset.requires = resource ? `${action} ${resource}` : action;
  }
}

/** The doctors' accounts the secretary may open, as the engine's view lists them. */
function accounts() {
  const view = policy.view($('secretary').value, $('now').value || null);
  const select = $('doctor');
  const current = select.value;
  select.replaceChildren(...view.practice.map((a) => option(a.doctor.id, a.doctor.name)));
  if (view.practice.length === 0) select.append(option('', 'aucun compte'));
  if (view.practice.some((a) => a.doctor.id === current)) select.value = current;
  select.disabled = view.practice.length === 0;
}

function update() {
  const doctor = $('doctor').value;
  if (doctor) scope($('practice'), `doctor:${doctor}`);
  const centre = $('centre').value;
  scope($('dcc'), centre ? `centre:${centre}` : null);
  const summary = gate(document.body, policy, $('secretary').value, {
    now: $('now').value || null,
    mode: $('mode').value,
    explain: true,
  });
  $('summary').textContent =
    `${summary.allowed} élément(s) autorisé(s), ${summary.denied} refusé(s)` +
    (summary.errors ? `, ${summary.errors} indécidable(s)` : '');
  $('reasons').replaceChildren(
    ...summary.items
      .filter((item) => !item.allowed)
      .map((item) => {
        const li = document.createElement('li');
        li.textContent = `${item.element.textContent.trim()} — ${(item.reasons ?? []).join(' ')}`;
        return li;
      }),
  );
  document.body.dataset.ready = 'true';
}

$('secretary').addEventListener('change', async () => {
  document.body.dataset.ready = 'false';
  await signIn($('secretary').value);
  accounts();
  update();
});
$('now').addEventListener('change', () => { accounts(); update(); });
for (const id of ['doctor', 'centre', 'mode']) $(id).addEventListener('change', update);
for (const link of document.querySelectorAll('.menubar a')) {
  link.addEventListener('click', (event) => {
    event.preventDefault();
    $('account-title').textContent = link.textContent;
  });
}

accounts();
update();
