// src/main.jsx
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { load } from 'secretariat';
import { Can, SecretariatProvider, useCan } from 'secretariat/react';

function Toolbar({ doctor }) {
  const mayExport = useCan('practice.export_patients', `doctor:${doctor}`);
  return (
    <ul>
      <Can action="practice.agenda" resource={`doctor:${doctor}`}>
        <li><a href="/agenda">Agenda</a></li>
      </Can>
      <Can action="practice.pid_billing" resource={`doctor:${doctor}`} fallback={<li>Facturation : non</li>}>
        <li><a href="/pid">Facturation</a></li>
      </Can>
      <li><button disabled={!mayExport}>Exporter</button> {mayExport ? '' : '(non autorisé)'}</li>
    </ul>
  );
}

function App() {
  const [policy, setPolicy] = useState(null);
  const [now] = useState(() => new Date().toISOString());
  useEffect(() => {
    // Her scope, cut by your server for the signed-in secretary: never the organisation file.
    fetch('/scope.json').then((response) => response.text()).then(load).then(setPolicy);
  }, []);
  if (!policy) return <p>Chargement…</p>;
  return (
    <SecretariatProvider policy={policy} principal="sophie" now={now}>
      <h1>Cabinet du Dr Martin</h1>
      <Toolbar doctor="dr-martin" />
    </SecretariatProvider>
  );
}

createRoot(document.getElementById('root')).render(<App />);
