// app/page.jsx
import { readFile } from 'node:fs/promises';
import { load } from 'secretariat';

export const dynamic = 'force-dynamic'; // decided at each request, with the request's time

let policy; // one per server process, loaded on first use
const getPolicy = () => (policy ??= readFile('org.json', 'utf8').then(load));

export default async function Page() {
  const p = await getPolicy();
  const principal = 'sophie'; // from your session
  const now = new Date().toISOString();
  const can = (action) => p.can(principal, action, 'doctor:dr-martin', now);
  return (
    <main>
      <h1>Cabinet du Dr Martin</h1>
      <ul>
        {can('practice.agenda') && <li><a href="/agenda">Agenda</a></li>}
        {can('practice.export_patients') && <li><button>Exporter</button></li>}
      </ul>
    </main>
  );
}
