// The npm package's CommonJS and Node ESM entries, written by esbuild from the ES-module sources
// (called by scripts/build-npm once pkg/ holds the sources and the glue):
//   index.cjs   from crates/secretariat_wasm/js/node.js: the gate module's glue bundled in, the API of
//               policy.js; `require('secretariat')` in Node and server bundles; its `gate`, `watch`
//               and `decider` are getters that require gate.cjs on first use (a server that only
//               decides never loads it); gate.cjs takes policy.js's exports from index.cjs
//   admin.cjs   from node-admin.js: the admin module's glue, required on first `admin()`
//   secretariat_bg.cjs, secretariat_admin_bg.cjs   each module's bytes in base64, for server bundles
//   gate.cjs, react.cjs (when react.js is there)   the same modules for `require`
//   X.mjs       Node's `import`: `export const {…} = require('./X.cjs')`, so that `import` and
//               `require` in one process share one instance (one module, one `SecretariatError`),
//               through X.import.cjs, two lines that require X.cjs: Node's ESM loader scans every
//               CommonJS module it imports for export names (cjs-module-lexer), which costs 2–5 ms
//               on index.cjs's 28 KB in a fresh process, and nothing on these two lines
//   X.d.cts     the declarations for `require`, importing `./Y.cjs` where X.d.ts imports `./Y.js`
//   index.js    for browsers and bundlers: one ES module (below); gate.js re-exports its gating part
// Relative imports of another entry stay imports (of its .cjs); everything else is bundled in;
// packages (react) stay external.
//
// Usage: node scripts/npm-entries.mjs PKG_DIR JS_SOURCE_DIR TARGET_NPM_DIR
import { createRequire } from 'node:module';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const { build } = createRequire(join(root, 'tests/npm/package.json'))('esbuild');
const [pkg, src, out] = process.argv.slice(2).map((p) => resolve(p));

/** Entries that have a .cjs of their own: an import of `./X.js` among them is kept, as `./X.cjs`. */
const entries = ['index', 'admin', 'gate', 'react'].filter((x) => x === 'index' || x === 'admin' || existsSync(join(pkg, `${x}.js`)));

// Each module's bytes: embedded in base64 (`secretariat_bg.cjs`, required only where the .wasm is not
// beside the entry: server bundles), and known by size and 64 sampled bytes (`wasm-meta:M`), so that
// a .wasm of another build beside the entry is never taken for this one.
const wasm = {};
for (const [name, file] of [['gate', 'secretariat_bg.wasm'], ['admin', 'secretariat_admin_bg.wasm']]) {
  const bytes = readFileSync(join(out, name, file));
  const sample = Array.from({ length: 64 }, (_, i) => bytes[Math.floor((i * bytes.length) / 64)]);
  wasm[name] = { file, size: bytes.length, sample };
  writeFileSync(
    join(pkg, file.replace(/\.wasm$/, '.cjs')),
    `// ${file} in base64, for bundles that carry index.cjs without the files beside it.\nmodule.exports = ${JSON.stringify(bytes.toString('base64'))};\n`,
  );
}
const glue = { gate: join(out, 'gate/secretariat.js'), admin: join(out, 'admin/secretariat_admin.js') };

/** Resolves `glue:M` and `wasm:M`, keeps other entries external as .cjs, packages external. */
const resolver = (external) => ({
  name: 'secretariat-entries',
  setup(b) {
    b.onResolve({ filter: /^glue:/ }, (a) => ({ path: glue[a.path.slice(5)] }));
    b.onResolve({ filter: /^wasm-meta:/ }, (a) => ({ path: a.path.slice(10), namespace: 'wasm-meta' }));
    b.onLoad({ filter: /.*/, namespace: 'wasm-meta' }, (a) => ({
      contents: `export default ${JSON.stringify(wasm[a.path])};`,
      loader: 'js',
    }));
    // The embedded bytes stay files of their own, required when needed.
    b.onResolve({ filter: /^\.\/[\w-]+\.cjs$/ }, (a) => ({ path: a.path, external: true }));
    b.onResolve({ filter: /^\.\.?\// }, (a) => {
      const name = basename(a.path, '.js');
      if (!external && (a.kind === 'dynamic-import' || a.kind === 'require-call')) return { path: a.path, external: true };
      if (external && a.kind !== 'entry-point' && entries.includes(name)) {
        return { path: `./${name}.cjs`, external: true };
      }
      // The API's classes (`SecretariatError`) from index.cjs, which bundles policy.js: one copy.
      if (external && name === 'policy' && !/[\\/]node(-admin)?\.js$/.test(a.importer)) {
        return { path: './index.cjs', external: true };
      }
      return undefined;
    });
  },
});

// The gate module's glue makes its TextDecoder as it is imported, 0.1 ms of every cold start, and
// nothing on the way to a first decision decodes a string: made on first use instead (wasm-bindgen is
// pinned; a glue without these two lines fails the build, so the change is never lost unseen).
const EAGER_DECODER = "let cachedTextDecoder = new TextDecoder('utf-8', { ignoreBOM: true, fatal: true });\ncachedTextDecoder.decode();\n";
const LAZY_DECODER = "let cachedTextDecoder = { decode(bytes) { cachedTextDecoder = new TextDecoder('utf-8', { ignoreBOM: true, fatal: true }); return cachedTextDecoder.decode(bytes); } };\n";
const lazyDecoder = {
  name: 'secretariat-lazy-decoder',
  setup(b) {
    b.onLoad({ filter: /[\\/]secretariat\.js$/ }, (a) => {
      const text = readFileSync(a.path, 'utf8');
      if (!text.includes(EAGER_DECODER)) throw new Error(`${a.path}: the glue no longer makes its TextDecoder as expected (scripts/npm-entries.mjs)`);
      return { contents: text.replace(EAGER_DECODER, LAZY_DECODER), loader: 'js' };
    });
  },
};

const common = {
  bundle: true,
  platform: 'neutral',
  packages: 'external',
  target: 'es2022',
  logLevel: 'warning',
  // The web glue's default URL (`new URL(…, import.meta.url)`) is never used here: bytes are given.
  logOverride: { 'empty-import-meta': 'silent' },
};

/** The names an ES module exports, everything bundled (an `export *` of another entry included). */
async function exportsOf(entry, options = { plugins: [resolver(false)] }) {
  const names = await build({ ...common, ...options, entryPoints: [entry], format: 'esm', write: false, metafile: true });
  return Object.values(names.metafile.outputs)[0].exports.filter((n) => n !== 'default');
}

// `index.cjs` exports the gating functions as getters that require `gate.cjs` on first use: a
// `require('secretariat')` that only decides (a server) never reads, compiles nor runs gate.cjs.
const gating = await exportsOf(join(pkg, 'gate.js'));
const lazyGating = [
  '',
  '// Declarative gating, from gate.cjs on first use (scripts/npm-entries.mjs).',
  `for (const name of ${JSON.stringify(gating)}) {`,
  '  Object.defineProperty(module.exports, name, { enumerable: true, get: () => require("./gate.cjs")[name] });',
  '}',
].join('\n');

const sources = { index: join(src, 'node.js'), admin: join(src, 'node-admin.js') };
for (const name of entries) {
  const entry = sources[name] ?? join(pkg, `${name}.js`);
  const footer = name === 'index' ? { footer: { js: lazyGating } } : {};
  await build({ ...common, ...footer, entryPoints: [entry], format: 'cjs', outfile: join(pkg, `${name}.cjs`), plugins: [resolver(true), lazyDecoder] });
  if (name === 'admin') continue; // reached through index.cjs only
  const exports = [...await exportsOf(entry), ...(name === 'index' ? gating : [])].sort();
  writeFileSync(
    join(pkg, `${name}.import.cjs`),
    `// Node's \`import\` of ${name}.cjs (${name}.mjs), which only reads its default export: a module this small for\n`
      + `// Node's ESM loader to scan for export names, and not ${name}.cjs itself (scripts/npm-entries.mjs).\n`
      + `const entry = require('./${name}.cjs');\n\nmodule.exports = entry;\n`,
  );
  writeFileSync(
    join(pkg, `${name}.mjs`),
    `// Node's \`import\` of the package: the CommonJS build's one instance (scripts/npm-entries.mjs).\n`
      + `import entry from './${name}.import.cjs';\n\nexport const { ${exports.join(', ')} } = entry;\n`,
  );
}

// Declarations for `require`: the same text, importing .cjs declarations.
for (const name of ['index', 'types', 'secretariat', ...entries.filter((x) => x !== 'index' && x !== 'admin')]) {
  const dts = join(pkg, `${name}.d.ts`);
  if (!existsSync(dts)) continue;
  const text = readFileSync(dts, 'utf8').replace(/(from\s+["']\.\/[\w-]+)\.js(["'])/g, '$1.cjs$2');
  writeFileSync(join(pkg, `${name}.d.cts`), text);
}

// Browsers and bundlers: `index.js` as one ES module — the gate module's glue, policy.js, moved.js
// and gate.js bundled in — so that a page fetches one module before the `.wasm`, not two rounds of
// them (in headless Chromium, 15–20 ms of a cold start: BENCHMARKS.md). `gate.js` becomes its
// gating part re-exported from `index.js`: both entries share one instance (one `SecretariatError`,
// one set of watched roots). The admin module stays a dynamic import of its own (`./admin.js`).
const browserEntry = { ...common, bundle: true, format: 'esm', external: ['./admin.js'], logOverride: {}, plugins: [lazyDecoder] };
await build({
  ...browserEntry,
  entryPoints: [join(pkg, 'index.js')],
  outfile: join(pkg, 'index.js'),
  allowOverwrite: true,
  banner: { js: '// The package\'s entry for browsers and bundlers, one module: crates/secretariat_wasm/js/index.js and\n// its imports, bundled by scripts/npm-entries.mjs.' },
});
writeFileSync(
  join(pkg, 'gate.js'),
  `// Declarative gating for host pages (scripts/npm-entries.mjs): the part of \`index.js\` that gates.\n`
    + `export { ${gating.join(', ')} } from './index.js';\n`,
);
// Bundled into index.js and index.cjs, imported by nothing the package ships: not shipped, so that
// one copy of the API and of the gate module's glue stands in the package.
for (const bundled of ['policy.js', 'secretariat.js']) rmSync(join(pkg, bundled));
