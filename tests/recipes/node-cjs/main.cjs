// main.cjs
const { readFileSync } = require('node:fs');
const { load, SecretariatError } = require('secretariat');

load(readFileSync('org.json', 'utf8')).then((policy) => {
  const decision = policy.decide({
    principal: 'sophie',
    action: 'practice.export_patients',
    resource: 'doctor:dr-martin',
    now: new Date().toISOString(),
    lang: 'en',
  });
  console.log(decision.decision); // deny
  console.log(decision.reasons.length > 0); // true: the reasons, in English
  return load('{"format": "secretariat-org/1", "people": [{"id": "x"}]}');
}).catch((error) => {
  if (!(error instanceof SecretariatError)) throw error;
  console.log(error.code); // invalid_file
  console.log(error.problems[0].path); // people[0]
});
