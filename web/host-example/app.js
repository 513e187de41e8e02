// The host example's whole logic: load the engine and the organisation once, then re-gate the page
// after every change. Which element needs what is written in the HTML (`data-requires`); no rule
// is here. Served from the repository root, the package is at ../../pkg (scripts/build-npm).
import { load, gate } from '../../pkg/index.js';

const ORG_URL = new URL('../../tests/fixtures/demo/org.json', import.meta.url);
const $ = (id) => document.getElementById(id);

const text = await (await fetch(ORG_URL)).text();
const file = JSON.parse(text);
// Instantiates the engine (secretariat_bg.wasm beside the package's module) and loads the
// organisation's text into it, once.
const policy = await load(text);

function option(value, label) {
  const o = document.createElement('option');
  o.value = value;
  o.textContent = label;
  return o;
}

// The secretary switcher: everyone of the organisation, secretaries first.
for (const [category, label] of [['secretaire', 'Secrétaires'], ['medecin', 'Catégorie « médecin »']]) {
  const group = document.createElement('optgroup');
  group.label = label;
  for (const p of file.people.filter((p) => p.category === category)) {
    group.append(option(p.id, p.name));
  }
  $('secretary').append(group);
}
$('centre').append(option('', 'tous les centres'));
for (const c of file.network?.centres ?? []) $('centre').append(option(c.id, c.name));

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

$('secretary').addEventListener('change', () => { accounts(); update(); });
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
