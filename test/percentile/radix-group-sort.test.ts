/** The WASM counting sort by group (radix-group-sort.wasm.ts): every key lands in its slot's bucket, slots and NaN
 *  are counted, also when the sampled bucket sizes are wrong and the exact retry runs. */
import { describe, expect, it } from 'vitest';
import { bucketByGroup } from '../../engine/kernels/percentile/radix-group-sort.wasm.js';
import { Layout } from '../../engine/kernels/percentile/radix-wasm-layout.js';
import { WIDTH32 } from '../../engine/kernels/percentile/radix-wasm-width.js';
import { keyF32 } from '../../engine/kernels/percentile/order-keys.js';
import { percentileModule } from './radix-helpers.js';
import { rng } from '../support/seeded.js';

describe('bucketByGroup (WASM)', () => {
  for (const sampleSize of [undefined, 1, 7]) {
    it(`buckets every key by slot, bucket sizes from ${sampleSize ?? 'the default'} samples`, async () => {
      const h = await percentileModule();
      const n = 200_003;
      const r = rng(sampleSize ?? 3);
      const values = Float32Array.from({ length: n }, () => (r() < 0.01 ? NaN : r() * 100 - 50));
      // Skewed slots: most values in a few groups, the rest spread over 3000.
      const groups = Uint32Array.from({ length: n }, () => 10 + (r() < 0.7 ? Math.floor(r() * 4) : Math.floor(r() * 3000)));
      const L = new Layout();
      const base = h.reserve(0);
      const valuesAt = base + L.take(n * 4);
      const groupsAt = base + L.take(n * 4);
      h.reserve(L.bytes);
      new Float32Array(h.exports.memory.buffer, valuesAt, n).set(values);
      new Uint32Array(h.exports.memory.buffer, groupsAt, n).set(groups);
      const { info, buckets } = bucketByGroup(h, WIDTH32, L, base, { values: valuesAt, groups: groupsAt, n, first: 10, range: 3000, sampleSize });

      const expected = new Map<number, { keys: number[]; nan: number }>();
      values.forEach((v, i) => {
        const slot = groups[i] - 10;
        const e = expected.get(slot) ?? { keys: [], nan: 0 };
        if (v !== v) e.nan++;
        else e.keys.push(keyF32(v));
        expected.set(slot, e);
      });
      const slots = [...expected.keys()].sort((a, b) => a - b);
      expect(info.length / 3).toBe(slots.length);
      slots.forEach((slot, g) => {
        const e = expected.get(slot)!;
        expect([info[3 * g], info[3 * g + 1], info[3 * g + 2]]).toEqual([slot, e.keys.length, e.nan]);
      });
      // Read the buckets back: slot = (bucket << 7) | low byte.
      const mem = h.exports.memory.buffer;
      const [start, end] = [new Uint32Array(mem, buckets.start, buckets.supers), new Uint32Array(mem, buckets.end, buckets.supers)];
      const keys = new Uint32Array(mem, buckets.keys);
      const low = new Uint8Array(mem, buckets.low);
      const found = new Map<number, number[]>();
      for (let b = 0; b < buckets.supers; b++) {
        for (let i = start[b]; i < end[b]; i++) {
          const slot = (b << 7) | low[i];
          found.set(slot, [...(found.get(slot) ?? []), keys[i]]);
        }
      }
      for (const slot of slots) expect((found.get(slot) ?? []).sort()).toEqual(expected.get(slot)!.keys.sort());
    });
  }
});
