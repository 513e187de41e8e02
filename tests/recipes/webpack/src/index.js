// src/index.js
import { load, watch } from 'secretariat';

fetch('/scope.json') // her scope, cut by your server for the signed-in secretary
  .then((response) => response.text())
  .then(load)
  .then((policy) => {
    watch(document.body, { policy, principal: 'sophie', now: new Date().toISOString() });
  });
