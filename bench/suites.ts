/**
 * Every benchmark suite, in the order `npm run bench` runs them when none is named. Add a suite with one
 * line: its name and a lazy import of a module whose default export is a Suite (harness/types.ts). Lazy,
 * so a suite whose code is still being written cannot break the others.
 */
import type { Suite } from './harness/types.js';

export const SUITES: Record<string, () => Promise<{ default: Suite }>> = {
  percentiles: () => import('./suites/percentiles.js'),
  // sketch: () => import('./suites/sketch.js'),
  // features: () => import('./suites/features.js'),
  inference: () => import('./suites/inference.js'),
  apps: () => import('./suites/apps.js'),
};
