// app.js
import { load, watch } from './node_modules/secretariat/index.js';

// Her scope, which your server cuts for the signed-in secretary: never the organisation file.
const policy = await load(await (await fetch('scope.json')).text());
watch(document.body, { policy, principal: 'sophie', now: new Date().toISOString() });
