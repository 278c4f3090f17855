/**
 * JS backend of `groupedSketch`: pass 1 computes every value's bin slot (kept) and the range per sign;
 * pass 2 counts into the [groups × width] matrix through colOf, with per-group stats.
 */
import type { KernelImpl } from '../contract.js';
import { throwIfAborted } from '../../errors.js';
import { binTable, SLOT_NEG, SLOT_SLOW } from './bin-table.js';
import { defaultMapping } from './cubic-mapping.js';
import { denseGroups } from './dense-groups.js';
import { collectSlow, EMPTY_RANGE, finishGrouped, hostGroupStats, planGrouped, type SlotRange } from './grouped-plan.js';
import type { GroupedSketchArgs, GroupedSketchOut } from './grouped-sketch.contract.js';
import { slotOfF32, slotOfF64, wordsOf } from './slot-of.js';

export const groupedSketchJs: KernelImpl<GroupedSketchArgs, GroupedSketchOut> = {
  backend: 'js',
  run({ values, groups, relativeAccuracy, maxBins }, ctx) {
    const t = ctx.telemetry.stage('table', () => binTable(defaultMapping(relativeAccuracy)));
    const d = ctx.telemetry.stage('groups', () => denseGroups(groups));
    const n = values.length;
    const slots = new Int32Array(n);
    const r: SlotRange = { ...EMPTY_RANGE };
    let slowCount = 0;
    ctx.telemetry.stage('slots', () => {
      const w = wordsOf(values);
      const f32 = values instanceof Float32Array;
      for (let i = 0; i < n; i++) {
        if ((i & 0xfffff) === 0) throwIfAborted(ctx.signal);
        const s = f32 ? slotOfF32(t, w[i]) : slotOfF64(t, w[2 * i + 1], w[2 * i]);
        slots[i] = s;
        if (s >= t.posBase) [r.posMin, r.posMax] = [Math.min(r.posMin, s), Math.max(r.posMax, s)];
        else if (s >= SLOT_NEG) [r.negMin, r.negMax] = [Math.min(r.negMin, s), Math.max(r.negMax, s)];
        else if (s === SLOT_SLOW) slowCount++;
      }
    });
    const slow = slowCount > 0 ? collectSlow(t, values) : [];
    const G = d.keys.length;
    const plan = planGrouped(t, r, slow, maxBins, G);
    const matrix = new Uint32Array(G * plan.width);
    ctx.telemetry.stage('count', () => {
      const { colOf, width } = plan;
      const index = d.index;
      for (let i = 0; i < n; i++) matrix[index[i] * width + colOf[slots[i]]]++;
    });
    const stats = ctx.telemetry.stage('stats', () => hostGroupStats(values, d.index, G));
    return ctx.telemetry.stage('finish', () => finishGrouped(d, plan, matrix, stats, slow));
  },
};
