import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * Builds the bare-engine page of `npm run bench:studio` (bench/studio/index.html + bare.ts, and the
 * training worker it starts). The runner passes the output directory; the page is served under
 * /bare/ next to the built app, whose data/ folder it loads the embedded MNIST subset from.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/bare/',
  logLevel: 'warn',
  worker: { format: 'es' },
  build: { target: 'es2022', emptyOutDir: true },
});
