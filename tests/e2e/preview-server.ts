/**
 * A second preview server for specs that need the app's server with other settings than the
 * suite's (a dataset folder, a mirror to download from). It runs in the test process through
 * Vite's JavaScript API with the project's vite.config.ts, so it has the same dataset service and
 * security headers, on a free port: nothing to spawn, wait for or kill.
 */
import type { AddressInfo } from 'node:net';
import { type PreviewServer, preview } from 'vite';

export interface AppServer {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Starts the built app (E2E_DIST or dist) with `env` set for the dataset service, which reads it
 * per request (scripts/vite-datasets.ts); `close` stops the server and puts the environment back.
 */
export async function previewWith(env: Readonly<Record<string, string>>): Promise<AppServer> {
  const saved = Object.keys(env).map((key) => [key, process.env[key]] as const);
  Object.assign(process.env, env);
  const restore = (): void => {
    for (const [key, value] of saved) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
  let server: PreviewServer;
  try {
    server = await preview({
      logLevel: 'warn',
      build: { outDir: process.env.E2E_DIST ?? 'dist' },
      preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
    });
  } catch (error) {
    restore();
    throw error;
  }
  const { port } = server.httpServer.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await server.close();
      restore();
    },
  };
}
