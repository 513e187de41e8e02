// The host example's whole logic: load the engine and the signed-in secretary's scope, then `watch`
// the page: it is gated at once, again on every change of secretary, account, centre, mode or date
// (`update`), and whatever the page adds later (the dossier list) is gated before it is painted.
// Which element needs what is written in the HTML (`data-requires`, `data-resource`); no rule is
// here. Served from the repository root, the package is at ../../pkg (scripts/build-npm); the
// page links ../../pkg/gate.css, so nothing gated shows before the engine has decided.
//
// Like a real host, the page never receives the organisation file (every person, RPPS, dossier and
// patient id): only her scope, made on the server by `secretariat scope` or `policy.scope(id)`
// (docs/FRONTEND.md, RGPD and HDS). Switching secretary stands for a new sign-in.
import { load, watch } from '../../pkg/index.js';

const SCOPES = new URL('../../tests/fixtures/demo/scopes/', import.meta.url);
const $ = (id) => document.getElementById(id);

const fetchScope = async (name) => (await fetch(new URL(name, SCOPES))).text();
let policy = null; // her scope, loaded into the engine once per sign-in

/**
 * Signs `id` in: fetches her scope and loads its text (a scope loads like an organisation file; the
 * first `load` also instantiates the engine, secretariat_bg.wasm beside the package's module).
 */
async function signIn(id) {
  const text = await fetchScope(`${encodeURIComponent(id)}.json`);
  const file = JSON.parse(text);
  policy?.free();
  policy = await load(text);
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
for (const p of JSON.parse(await fetchScope('index.json'))) $('secretary').append(option(p.id, p.name));
await signIn($('secretary').value);

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

/** What the last runs decided, per element still on the page, for the footer. */
const latest = new Map();

function showSummary(summary) {
  for (const item of summary.items) latest.set(item.element, item);
  const items = [...latest.values()].filter((item) => item.element.isConnected);
  const denied = items.filter((item) => !item.allowed);
  const errors = items.filter((item) => item.error !== undefined).length;
  $('summary').textContent =
    `${items.length - denied.length} élément(s) autorisé(s), ${denied.length} refusé(s)` +
    (errors ? `, ${errors} indécidable(s)` : '');
  $('reasons').replaceChildren(
    ...denied.map((item) => {
      const li = document.createElement('li');
      li.textContent = `${item.element.textContent.trim()} — ${(item.reasons ?? [item.error]).join(' ')}`;
      return li;
    }),
  );
}

/** The gate's options from the switchers: who, when, how, with the open account and centre. */
function options() {
  $('practice').dataset.resource = $('doctor').value ? `doctor:${$('doctor').value}` : '';
  $('dcc').dataset.resource = $('centre').value ? `centre:${$('centre').value}` : '';
  return { policy, principal: $('secretary').value, now: $('now').value || null, mode: $('mode').value };
}

let watcher;
function update() {
  latest.clear();
  try {
    if (watcher === undefined) {
      // Problems (no account open: no resource for the practice menus) are listed by showSummary.
      watcher = watch(document.body, { ...options(), explain: true, onGate: showSummary, onError: () => {} });
    } else {
      watcher.update(options());
    }
  } catch (e) {
    // A bad option (a malformed date): every gated element is hidden; say why.
    $('summary').textContent = `Erreur : ${e.message} — tout est masqué.`;
    $('reasons').replaceChildren();
  }
  $('dossier-list').replaceChildren();
  document.body.dataset.ready = 'true';
}

/**
 * Her dossiers, rendered later as a host renders a list it fetched: each row names its dossier once
 * (`data-resource`) and its buttons only their action. `watch` gates the rows as they are added.
 */
function showDossiers() {
  const view = policy.view($('secretary').value, $('now').value || null);
  const seen = new Set();
  const dossiers = [...view.dcc.agenda, ...view.dcc.session_run]
    .flatMap((rcp) => rcp.dossiers)
    .filter((d) => !seen.has(d.id) && seen.add(d.id));
  setTimeout(() => {
    $('dossier-list').replaceChildren(...dossiers.map((dossier) => {
      const row = document.createElement('li');
      row.dataset.resource = `dossier:${dossier.id}`;
      const name = document.createElement('span');
      name.textContent = `${dossier.id} — ${dossier.demandeur?.name ?? 'demandeur hors de son périmètre'}`;
      row.append(name);
      for (const [action, label] of DOSSIER_ACTIONS) {
        const button = document.createElement('button');
        button.type = 'button';
        button.dataset.requires = action;
        button.textContent = label;
        row.append(button);
      }
      return row;
    }));
    $('dossier-list').dataset.loaded = String(dossiers.length);
  }, 30);
}

const DOSSIER_ACTIONS = [
  ['dcc.dossier.view', 'Ouvrir'],
  ['dcc.dossier.add_document', 'Ajouter un document'],
  ['dcc.dossier.send_report', 'Envoyer le compte rendu'],
  ['dcc.dossier.validate', 'Valider la fiche'],
  ['dcc.dossier.unregister', 'Désinscrire'],
];

$('secretary').addEventListener('change', async () => {
  document.body.dataset.ready = 'false';
  await signIn($('secretary').value);
  accounts();
  update();
});
$('now').addEventListener('change', () => {
  try {
    accounts();
  } catch {
    // A malformed date: update() below hides everything and says why.
  }
  update();
});
for (const id of ['doctor', 'centre', 'mode']) $(id).addEventListener('change', update);
$('show-dossiers').addEventListener('click', showDossiers);
for (const link of document.querySelectorAll('.menubar a')) {
  link.addEventListener('click', (event) => {
    event.preventDefault();
    $('account-title').textContent = link.textContent;
  });
}

accounts();
update();
