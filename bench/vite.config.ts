import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * Builds the bench page (bench/index.html + main.ts). Separate from the app's config: no React,
 * and TF.js / ConvNetJS are bundled here only, never into the app. The output goes under
 * node_modules/.cache, where neither git nor `biome check .` looks at the (unminified) bundle.
 */
const root = fileURLToPath(new URL('.', import.meta.url));
export const BENCH_OUT_DIR = fileURLToPath(new URL('../node_modules/.cache/convlab-bench', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  logLevel: 'warn',
  build: {
    outDir: BENCH_OUT_DIR,
    emptyOutDir: true,
    target: 'es2022',
    // TF.js WASM builds its pthread workers from a function's source text; minifying breaks them.
    minify: false,
    // TF.js is a few MB; the warning says nothing useful for a local benchmark page.
    chunkSizeWarningLimit: 8000,
  },
});
