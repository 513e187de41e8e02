// src/server.js
import { readFile } from 'node:fs/promises';
import { load } from 'secretariat';

let policy; // one per server process, loaded on first use
const getPolicy = () => (policy ??= readFile('org.json', 'utf8').then(load));

const MENU = [
  ['practice.agenda', 'Agenda'],
  ['practice.patients', 'Base patient'],
  ['practice.export_patients', 'Exporter'],
];

// Renders the menu of `principal` on the server: denied entries are never sent.
export async function renderMenu(principal, doctor) {
  const p = await getPolicy();
  const now = new Date().toISOString();
  return MENU.filter(([action]) => p.can(principal, action, `doctor:${doctor}`, now))
    .map(([, label]) => `<li>${label}</li>`)
    .join('\n');
}

renderMenu('sophie', 'dr-martin').then(console.log);
