// src/index.js
import { load, watch } from 'secretariat';

fetch('/org.json')
  .then((response) => response.text())
  .then(load)
  .then((policy) => {
    watch(document.body, { policy, principal: 'sophie', now: new Date().toISOString() });
  });
