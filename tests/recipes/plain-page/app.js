// app.js
import { load, watch } from './node_modules/secretariat/index.js';

const policy = await load(await (await fetch('org.json')).text());
watch(document.body, { policy, principal: 'sophie', now: new Date().toISOString() });
