// The React test app (tests/npm/react.test.mjs bundles it with esbuild, React from npm): a menu
// that asks `useCan` and `<Can>`, under a provider whose props the test changes through `render`.
import { createElement as h, memo } from 'react';
import { createRoot } from 'react-dom/client';
import { load } from 'secretariat';
import { Can, SecretariatProvider, useCan, useDecider } from 'secretariat/react';

const renders = { menu: 0, still: 0 };
const problems = [];
const onError = (problem) => problems.push(problem.message);

function Menu() {
  renders.menu += 1;
  const exporter = useCan('practice.export_patients', 'doctor:dr-martin');
  const can = useDecider();
  const dossiers = ['d-101', 'd-102', 'd-103'].filter((id) => can('dcc.dossier.view', `dossier:${id}`));
  return h('nav', null,
    h(Can, { action: 'practice.agenda', resource: 'doctor:dr-martin' }, h('a', { id: 'agenda' }, 'Agenda')),
    h(Can, { action: 'practice.pid_billing', resource: 'doctor:dr-martin', fallback: h('span', { id: 'no-pid' }, 'pas de PID') },
      h('a', { id: 'pid' }, 'PID')),
    exporter ? h('button', { id: 'export' }, 'Exporter') : null,
    h(Can, { action: 'practice.coffee' }, h('a', { id: 'coffee' }, 'café')),
    h(Can, { action: 'dcc.icon.agenda' }, (allowed) => h('span', { id: 'icon' }, allowed ? 'oui' : 'non')),
    h('output', { id: 'dossiers' }, dossiers.join(',')));
}

/** Depends on nothing of the provider: a new policy must not re-render it. */
const Still = memo(function Still() {
  renders.still += 1;
  return h('p', null, 'toujours là');
});

function Outside() {
  return h('span', { id: 'outside' }, useCan('practice.agenda', 'doctor:dr-martin') ? 'oui' : 'non');
}

const text = await (await fetch('/tests/fixtures/demo/org.json')).text();
const policies = {
  demo: await load(text),
};
// A new policy (the admin module applies changes): what depends on it renders again.
policies.granted = (await policies.demo.admin()).withChanges([
  { op: 'grant_permission', secretary: 'sophie', doctor: 'dr-martin', permission: 'pid_billing' },
]);
const root = createRoot(document.getElementById('app'));

/** Renders the app with the provider's props; `policy` names one of `policies`. */
window.render = ({ policy, ...props }) => new Promise((resolve) => {
  root.render(h('div', null,
    h(SecretariatProvider, { policy: policies[policy] ?? policy, onError, ...props }, h(Menu), h(Still)),
    h(Outside)));
  requestAnimationFrame(() => setTimeout(resolve));
});
window.renders = renders;
window.problems = problems;
document.body.dataset.ready = 'true';
