/**
 * WASM backend of `groupedSketch`: pass 1 (rangeF32/F64) streams the values through WASM memory for the slot
 * range per sign; the host plans the shared window; pass 2 (scatterF32/F64) streams values and row indices
 * again and counts into the [groups × width] u32 matrix in WASM memory, with per-group sum / min / max.
 */
import type { KernelImpl } from '../contract.js';
import { throwIfAborted } from '../../errors.js';
import { binTable } from './bin-table.js';
import { defaultMapping } from './cubic-mapping.js';
import { denseGroups } from './dense-groups.js';
import { collectSlow, finishGrouped, planGrouped } from './grouped-plan.js';
import type { GroupedSketchArgs, GroupedSketchOut } from './grouped-sketch.contract.js';
import { copyIn, sketchModule, tableBytes, tablePointers, wasmTableOk, WASM_CHUNK } from './sketch-wasm-module.js';

export const groupedSketchWasm: KernelImpl<GroupedSketchArgs, GroupedSketchOut> = {
  backend: 'wasm',
  supports: ({ relativeAccuracy }) => wasmTableOk(binTable(defaultMapping(relativeAccuracy))),
  async run({ values, groups, relativeAccuracy, maxBins }, ctx) {
    const h = await sketchModule(ctx.wasm);
    const t = ctx.telemetry.stage('table', () => binTable(defaultMapping(relativeAccuracy)));
    const d = ctx.telemetry.stage('groups', () => denseGroups(groups));
    const f32 = values instanceof Float32Array;
    const n = values.length;
    const G = d.keys.length;
    const x = h.exports;
    // Pass 1: slot range per sign and the number of slow values.
    h.reserve(tableBytes(t) + 64 + WASM_CHUNK * 8);
    let p = tablePointers(h, t);
    const range = ctx.telemetry.stage('range', () => {
      const out = p.end;
      const chunk = out + 64;
      new Int32Array(h.loaded.memory.buffer, out, 5).set([0x7fffffff, -1, 0x7fffffff, -1, 0]);
      for (let from = 0; from < n; from += WASM_CHUNK) {
        if ((from & 0xfffff) === 0) throwIfAborted(ctx.signal);
        const len = Math.min(WASM_CHUNK, n - from);
        copyIn(h, chunk, values, from, from + len);
        if (f32) x.rangeF32(chunk, len, p.packed, 23 - t.k, t.posBase, out);
        else x.rangeF64(chunk, len, p.base, p.thr64, t.k, t.posBase, out);
      }
      return Array.from(new Int32Array(h.loaded.memory.buffer, out, 5));
    });
    const [negMin, negMax, posMin, posMax, slowCount] = range;
    const slow = slowCount > 0 ? collectSlow(t, values) : [];
    const plan = planGrouped(t, { negMin, negMax, posMin, posMax }, slow, maxBins, G);
    // Pass 2: counts and per-group stats.
    const colBytes = t.slots * 4;
    const statBytes = G * 24;
    const matrixBytes = G * plan.width * 4;
    h.reserve(tableBytes(t) + colBytes + statBytes + matrixBytes + WASM_CHUNK * 12 + 64);
    p = tablePointers(h, t);
    const colOf = p.end;
    const gstats = colOf + colBytes;
    const matrix = gstats + statBytes;
    const chunk = (matrix + matrixBytes + 15) & ~15;
    const gidx = chunk + WASM_CHUNK * 8;
    const mem = (): ArrayBuffer => h.loaded.memory.buffer;
    new Int32Array(mem(), colOf, t.slots).set(plan.colOf);
    const st = new Float64Array(mem(), gstats, G * 3);
    for (let g = 0; g < G; g++) st.set([0, Infinity, -Infinity], 3 * g);
    new Uint8Array(mem(), matrix, matrixBytes).fill(0);
    ctx.telemetry.stage('count', () => {
      for (let from = 0; from < n; from += WASM_CHUNK) {
        if ((from & 0xfffff) === 0) throwIfAborted(ctx.signal);
        const len = Math.min(WASM_CHUNK, n - from);
        copyIn(h, chunk, values, from, from + len);
        new Uint32Array(mem(), gidx, len).set(d.index.subarray(from, from + len));
        if (f32) x.scatterF32(chunk, gidx, len, p.packed, 23 - t.k, colOf, plan.width, matrix, gstats);
        else x.scatterF64(chunk, gidx, len, p.base, p.thr64, t.k, colOf, plan.width, matrix, gstats);
      }
    });
    return ctx.telemetry.stage('finish', () => {
      const s = new Float64Array(mem(), gstats, G * 3);
      const stats = { sums: new Float64Array(G), mins: new Float64Array(G), maxs: new Float64Array(G) };
      for (let g = 0; g < G; g++) [stats.sums[g], stats.mins[g], stats.maxs[g]] = [s[3 * g], s[3 * g + 1], s[3 * g + 2]];
      return finishGrouped(d, plan, new Uint32Array(mem(), matrix, G * plan.width), stats, slow);
    });
  },
};
