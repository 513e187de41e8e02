// The npm package's CommonJS and Node ESM entries, written by esbuild from the ES-module sources
// (called by scripts/build-npm once pkg/ holds the sources and the glue):
//   index.cjs   from crates/secretariat_wasm/js/node.js: the gate module's glue and bytes (base64)
//               bundled in, the API of policy.js; `require('secretariat')` in Node and server bundles
//   admin.cjs   from node-admin.js: the admin module's glue and bytes, required on first `admin()`
//   gate.cjs, react.cjs (when react.js is there)   the same modules for `require`
//   X.mjs       Node's `import`: `export const {…} = require('./X.cjs')`, so that `import` and
//               `require` in one process share one instance (one module, one `SecretariatError`)
//   X.d.cts     the declarations for `require`, importing `./Y.cjs` where X.d.ts imports `./Y.js`
// Relative imports of another entry stay imports (of its .cjs); everything else is bundled in;
// packages (react) stay external.
//
// Usage: node scripts/npm-entries.mjs PKG_DIR JS_SOURCE_DIR TARGET_NPM_DIR
import { createRequire } from 'node:module';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const { build } = createRequire(join(root, 'tests/npm/package.json'))('esbuild');
const [pkg, src, out] = process.argv.slice(2).map((p) => resolve(p));

/** Entries that have a .cjs of their own: an import of `./X.js` among them is kept, as `./X.cjs`. */
const entries = ['index', 'admin', 'gate', 'react'].filter((x) => x === 'index' || x === 'admin' || existsSync(join(pkg, `${x}.js`)));

const wasm = (name, file) => ({ name, text: readFileSync(join(out, name, file)).toString('base64') });
const embedded = { gate: wasm('gate', 'secretariat_bg.wasm'), admin: wasm('admin', 'secretariat_admin_bg.wasm') };
const glue = { gate: join(out, 'gate/secretariat.js'), admin: join(out, 'admin/secretariat_admin.js') };

/** Resolves `glue:M` and `wasm:M`, keeps other entries external as .cjs, packages external. */
const resolver = (external) => ({
  name: 'secretariat-entries',
  setup(b) {
    b.onResolve({ filter: /^glue:/ }, (a) => ({ path: glue[a.path.slice(5)] }));
    b.onResolve({ filter: /^wasm:/ }, (a) => ({ path: a.path.slice(5), namespace: 'wasm' }));
    b.onLoad({ filter: /.*/, namespace: 'wasm' }, (a) => ({
      contents: `export default ${JSON.stringify(embedded[a.path].text)};`,
      loader: 'js',
    }));
    b.onResolve({ filter: /^\.\.?\// }, (a) => {
      const name = basename(a.path, '.js');
      if (!external && (a.kind === 'dynamic-import' || a.kind === 'require-call')) return { path: a.path, external: true };
      if (external && a.kind !== 'entry-point' && entries.includes(name)) {
        return { path: `./${name}.cjs`, external: true };
      }
      return undefined;
    });
  },
});

const common = {
  bundle: true,
  platform: 'neutral',
  packages: 'external',
  target: 'es2022',
  logLevel: 'warning',
  // The web glue's default URL (`new URL(…, import.meta.url)`) is never used here: bytes are given.
  logOverride: { 'empty-import-meta': 'silent' },
};

const sources = { index: join(src, 'node.js'), admin: join(src, 'node-admin.js') };
for (const name of entries) {
  const entry = sources[name] ?? join(pkg, `${name}.js`);
  await build({ ...common, entryPoints: [entry], format: 'cjs', outfile: join(pkg, `${name}.cjs`), plugins: [resolver(true)] });
  if (name === 'admin') continue; // reached through index.cjs only
  // The names it exports, everything bundled (an `export *` of another entry included).
  const names = await build({ ...common, entryPoints: [entry], format: 'esm', write: false, metafile: true, plugins: [resolver(false)] });
  const exports = Object.values(names.metafile.outputs)[0].exports.filter((n) => n !== 'default');
  writeFileSync(
    join(pkg, `${name}.mjs`),
    `// Node's \`import\` of the package: the CommonJS build's one instance (scripts/npm-entries.mjs).\n`
      + `import entry from './${name}.cjs';\n\nexport const { ${exports.join(', ')} } = entry;\n`,
  );
}

// Declarations for `require`: the same text, importing .cjs declarations.
for (const name of ['index', 'types', 'secretariat', ...entries.filter((x) => x !== 'index' && x !== 'admin')]) {
  const dts = join(pkg, `${name}.d.ts`);
  if (!existsSync(dts)) continue;
  const text = readFileSync(dts, 'utf8').replace(/(from\s+["']\.\/[\w-]+)\.js(["'])/g, '$1.cjs$2');
  writeFileSync(join(pkg, `${name}.d.cts`), text);
}
