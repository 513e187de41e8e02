// Vite's dev server pre-bundles dependencies into `node_modules/.vite/deps/`, away from the `.wasm`
// files beside the package's modules, so `new URL('./x.wasm', import.meta.url)` finds the page's
// HTML instead. When that is where this module runs, the package's own copy is still served at
// `node_modules/secretariat/`: `init` tries it before failing. (Excluding the package from
// `optimizeDeps` avoids the detour.)

/** The URL of `file` in the installed package, when `here` (an `import.meta.url`) is in Vite's
 * pre-bundled dependencies; else undefined. */
export function besidePackage(here, file) {
  const at = here.indexOf('/node_modules/.vite/');
  if (at < 0) return undefined;
  return new URL(`${here.slice(0, at)}/node_modules/secretariat/${file}`);
}
