// What the package's browser tests share: the repository served on 127.0.0.1 and Debian's Chromium
// driven by playwright-core, a fresh profile each time; page errors collected.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, serve } from '../lib/browser.mjs';

/**
 * Starts the server and the browser. Resolves to `{url, context, page, errors, close}`: `url(path)`
 * is the address of a repository path, `errors` the page's uncaught errors and console errors.
 */
export async function launch() {
  const server = await serve();
  const userData = await mkdtemp(join(tmpdir(), 'secretariat-chromium-'));
  const context = await chromium.launchPersistentContext(userData, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 720 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  return {
    url: (path = '') => `${server.url}${path}`,
    context,
    page,
    errors,
    close: async () => {
      await context.close();
      await server.close();
      await rm(userData, { recursive: true, force: true });
    },
  };
}

/**
 * A page's script bundled by esbuild from `source` (esbuild's `entryPoints` or `stdin`): packages
 * resolved from tests/npm as in an app — `secretariat/react` followed through node_modules/secretariat
 * (a link to pkg/), finding React there — and the engine itself loaded by the page from /pkg/.
 */
export async function bundleForPage(source) {
  const bundle = await build({
    ...source,
    bundle: true,
    format: 'esm',
    target: 'es2022',
    jsx: 'automatic',
    write: false,
    preserveSymlinks: true,
    plugins: [{
      name: 'engine-from-pkg',
      setup(b) { b.onResolve({ filter: /^secretariat$/ }, () => ({ path: '/pkg/index.js', external: true })); },
    }],
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  return bundle.outputFiles[0].text;
}
