/**
 * One Vite config for the repo: the unit tests (vitest, Node), and the browser pages — the dashboard, the GPU
 * benchmark page and the browser test pages — which the dev server serves from the repo root.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  server: { host: '127.0.0.1', strictPort: false },
  optimizeDeps: {
    // Dawn's Node bindings are never loaded in a browser; keep the dep scanner away from them.
    exclude: ['webgpu'],
  },
  build: { target: 'es2022', outDir: 'dist/pages' },
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
