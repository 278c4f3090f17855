/** Shared by the percentile radix-select tests: value generators, adversarial inputs, and a WASM module handle. */
import fc from 'fast-check';
import { WasmRuntime, type WasmModuleHandle } from '../../engine/backends/wasm/runtime.js';
import type { PercentileExports } from '../../engine/kernels/percentile/radix-wasm-exports.js';
import { TelemetryRecorder } from '../../engine/telemetry.js';
import type { RunContext } from '../../engine/kernels/contract.js';
import { rng } from '../support/seeded.js';

const runtime = new WasmRuntime();

export function percentileModule(): Promise<WasmModuleHandle<PercentileExports>> {
  return runtime.module<PercentileExports>('percentile');
}

export function wasmContext(): RunContext {
  return { telemetry: new TelemetryRecorder(), wasm: runtime };
}

export function jsContext(): RunContext {
  return { telemetry: new TelemetryRecorder() };
}

/** Values that stress key order: ±0, ±Infinity, subnormals, NaN, extremes, small integers (ties). */
export const SPECIAL = [NaN, -NaN, Infinity, -Infinity, 0, -0, 5e-324, -5e-324, 1.401298464324817e-45, -1.1754942106924411e-38, 3.4028234663852886e38, -Number.MAX_VALUE, 1, -1];

export const valueArb = fc.oneof(
  { weight: 5, arbitrary: fc.double() },
  { weight: 3, arbitrary: fc.integer({ min: -3, max: 3 }) },
  { weight: 2, arbitrary: fc.constantFrom(...SPECIAL) },
);

export const qArb = fc.array(fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 0.5, 0.9, 0.95, 0.99, 1)), {
  minLength: 1,
  maxLength: 7,
});

/** Named inputs that break naive selection (n values each, deterministic). */
export function adversarial(n: number, seed = 1): { name: string; values: Float64Array }[] {
  const r = rng(seed);
  const make = (name: string, f: (i: number) => number) => ({ name, values: Float64Array.from({ length: n }, (_, i) => f(i)) });
  return [
    make('all equal', () => 42.5),
    make('sorted', (i) => i * 0.25 - n / 8),
    make('reversed', (i) => n - i),
    make('two values', (i) => (i % 2 ? 1 : -1)),
    make('half zeros of both signs', (i) => (i % 4 === 0 ? -0 : i % 4 === 1 ? 0 : r() - 0.5)),
    make('few distinct', (i) => (i * 7919) % 5),
    make('mostly NaN', (i) => (i % 10 === 0 ? r() : NaN)),
    make('all NaN', () => NaN),
    make('infinities and subnormals', (i) => [Infinity, -Infinity, 5e-324, -5e-324, 0][i % 5]),
    make('sawtooth', (i) => i % 1024),
    make('narrow range', () => 1000 + r() * 1e-3),
    make('huge spread', () => (r() - 0.5) * 10 ** (r() * 600 - 300)),
    make('organ pipe', (i) => Math.min(i, n - i)),
    make('one outlier', (i) => (i === n >> 1 ? 1e300 : r())),
  ];
}
