// src/main.js
import 'secretariat/gate.css'; // keeps every [data-requires] hidden until allowed
import { load, watch } from 'secretariat';

fetch('/scope.json') // her scope, cut by your server for the signed-in secretary
  .then((response) => response.text())
  .then(load)
  .then((policy) => {
    watch(document.body, { policy, principal: 'sophie', now: new Date().toISOString() });
    // Markup added later is gated as it arrives; the list's data-resource applies to its items.
    document.querySelector('#dossiers').innerHTML = `
      <li data-requires="practice.letters">Courriers</li>
      <li data-requires="practice.pid_billing">Facturation</li>`;
  });
