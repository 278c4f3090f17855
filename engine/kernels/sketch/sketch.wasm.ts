/**
 * WASM backend of `sketch`: values go through WASM memory in 64 Ki chunks; per chunk one table-lookup
 * histogram (4 interleaved u32 copies per slot; float32 fuses the SIMD sum / min / max into it, float64 runs
 * a separate SIMD stats pass); the host adds the copies and builds the stores (sketch-finish.ts).
 */
import type { KernelImpl } from '../contract.js';
import { throwIfAborted } from '../../errors.js';
import { binTable } from './bin-table.js';
import { defaultMapping } from './cubic-mapping.js';
import { finishSketch } from './sketch-finish.js';
import { copyIn, sketchModule, tableBytes, tablePointers, wasmTableOk, WASM_CHUNK } from './sketch-wasm-module.js';
import type { SketchArgs, SketchOut } from './sketch.contract.js';

export const sketchWasm: KernelImpl<SketchArgs, SketchOut> = {
  backend: 'wasm',
  supports: ({ relativeAccuracy }) => wasmTableOk(binTable(defaultMapping(relativeAccuracy))),
  async run({ values, relativeAccuracy, maxBins }, ctx) {
    const h = await sketchModule(ctx.wasm);
    const t = ctx.telemetry.stage('table', () => binTable(defaultMapping(relativeAccuracy)));
    const f32 = values instanceof Float32Array;
    const countsBytes = t.slots * 16;
    h.reserve(tableBytes(t) + countsBytes + 64 + WASM_CHUNK * 8);
    const { packed, base, thr64, end } = ctx.telemetry.stage('table-upload', () => tablePointers(h, t));
    const counts = end;
    const stats = counts + countsBytes;
    const chunk = stats + 64;
    const mem = h.loaded.memory.buffer;
    new Uint8Array(mem, counts, countsBytes).fill(0);
    new Float64Array(mem, stats, 3).set([0, Infinity, -Infinity]);
    const x = h.exports;
    ctx.telemetry.stage('bin', () => {
      for (let from = 0; from < values.length; from += WASM_CHUNK) {
        if ((from & 0xfffff) === 0) throwIfAborted(ctx.signal);
        const n = Math.min(WASM_CHUNK, values.length - from);
        copyIn(h, chunk, values, from, from + n);
        if (f32) {
          x.histF32(chunk, n, packed, 23 - t.k, counts, stats);
        } else {
          x.histF64(chunk, n, base, thr64, t.k, counts);
          x.statsF64(chunk, n, stats);
        }
      }
    });
    return ctx.telemetry.stage('finish', () => {
      const copies = new Uint32Array(mem, counts, t.slots * 4);
      const summed = new Uint32Array(t.slots);
      for (let s = 0; s < t.slots; s++) summed[s] = copies[4 * s] + copies[4 * s + 1] + copies[4 * s + 2] + copies[4 * s + 3];
      const [sum, min, max] = new Float64Array(mem, stats, 3);
      return finishSketch(t, summed, { sum, min, max }, values, maxBins);
    });
  },
};
