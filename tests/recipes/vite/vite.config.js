// vite.config.js
import { defineConfig } from 'vite';

export default defineConfig({
  // Vite 6 and 7's dev server pre-bundles dependencies into node_modules/.vite, away from
  // secretariat_bg.wasm: leave this one as it is published, so it finds its .wasm beside it.
  optimizeDeps: { exclude: ['secretariat'] },
});
