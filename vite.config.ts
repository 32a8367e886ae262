import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { offlinePlugin } from './scripts/offline/plugin';
import { securityPlugin } from './scripts/security/plugin';
import { datasetServer } from './scripts/vite-datasets';

/**
 * ConvLab is a static site. `base: './'` makes every built URL relative, so the same dist/ works at
 * a domain root, under a sub-path (GitHub Pages) or opened from a file server. WGSL shaders are
 * imported as text with Vite's built-in `?raw` suffix; the training worker will be bundled as an ES
 * module worker (`new Worker(new URL('./x.ts', import.meta.url), { type: 'module' })`).
 */
export default defineConfig({
  base: './',
  plugins: [
    react(),
    datasetServer(),
    // CSP and security headers (docs/security.md); the dev server allows React Refresh's inline preamble by hash.
    securityPlugin({ devInlineScripts: (base) => [react.preambleCode.replace('__BASE__', base)] }),
    offlinePlugin(),
  ],
  worker: { format: 'es' },
  build: {
    outDir: 'dist',
    target: 'es2022',
    sourcemap: true,
  },
  server: { host: '127.0.0.1' },
});
