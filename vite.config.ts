/**
 * One Vite config for the repo: the unit tests (vitest, Node), and the browser pages — the dashboard, the GPU
 * benchmark page and the browser test pages — which the dev server serves from the repo root.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const page = (p: string): string => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  server: { host: '127.0.0.1', strictPort: false },
  optimizeDeps: {
    // Dawn's Node bindings are never loaded in a browser; keep the dep scanner away from them.
    exclude: ['webgpu'],
  },
  build: {
    target: 'es2022',
    outDir: 'dist/pages',
    // Multi-page build: `vite build` and test/browser/run-browser-tests.mjs build these.
    rollupOptions: {
      input: {
        dashboard: page('./apps/dashboard/index.html'),
        bench: page('./apps/bench-page/index.html'),
        'webgpu-percentile': page('./test/browser/webgpu-percentile.html'),
      },
    },
  },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // WebGPU on a software adapter is slow and one device per process is plenty on 2 cores.
    fileParallelism: true,
    maxWorkers: 2,
    env: { XDG_RUNTIME_DIR: process.env.XDG_RUNTIME_DIR ?? '/tmp' },
  },
});
