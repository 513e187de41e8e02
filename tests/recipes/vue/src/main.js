// src/main.js
import { createApp, h, shallowRef } from 'vue';
import { load } from 'secretariat';
import { provideCan, useCan } from './can.js';

const Toolbar = {
  setup() {
    const mayAgenda = useCan('practice.agenda', 'doctor:dr-martin');
    const mayExport = useCan('practice.export_patients', 'doctor:dr-martin');
    return () => h('ul', [
      mayAgenda.value && h('li', h('a', { href: '/agenda' }, 'Agenda')),
      mayExport.value && h('li', h('button', 'Exporter')),
    ]);
  },
};

const App = {
  setup() {
    const policy = shallowRef(null); // shallow: Vue must not wrap the policy in a proxy
    const now = new Date().toISOString();
    // Her scope, cut by your server for the signed-in secretary: never the organisation file.
    fetch('/scope.json').then((response) => response.text()).then(load).then((p) => { policy.value = p; });
    provideCan(() => ({ policy: policy.value, principal: 'sophie', now }));
    return () => h('main', [h('h1', 'Cabinet du Dr Martin'), h(Toolbar)]);
  },
};

createApp(App).mount('#app');
