import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
        },
      },
      {
        // Engine GPU kernels against the CPU engine on a real WebGPU adapter (Dawn in Node;
        // SwiftShader on machines without a GPU). Run through scripts/with-webgpu.mjs.
        test: {
          name: 'gpu',
          include: ['tests/gpu/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        // The built app in Firefox ESR (WebDriver BiDi) and WebKitGTK (WebDriver under Xvfb): the
        // outline, a lesson and CPU training, with no console errors. Needs `npm run build` first.
        test: {
          name: 'browsers',
          include: ['tests/browsers/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/browsers/serve.ts'],
          testTimeout: 300_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
