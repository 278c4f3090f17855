/**
 * Grouped percentiles: the input, the plain-JS baseline, and the answer layout every grouped contender
 * returns so one check covers keys and values: per group ascending, [key, p50, p90, p95, p99].
 */
import type { Contender } from '../../harness/contest.js';
import { fingerprintFloats } from '../../harness/contest.js';
import { interpolateSorted, Q } from './peers.js';

export interface GroupedInput {
  values: Float32Array;
  /** Keys in [0, groupCount), every one present. */
  groups: Uint32Array;
  groupCount: number;
}

export const STRIDE = Q.length + 1;

export function fingerprintGrouped(input: GroupedInput): number {
  return fingerprintFloats(input.values) + fingerprintFloats(input.groups);
}

/** Flattens { keys, values (keys × q, row-major) } into the shared layout. */
export function flattenGrouped(keys: ArrayLike<number>, values: ArrayLike<number>): Float64Array {
  const out = new Float64Array(keys.length * STRIDE);
  for (let g = 0; g < keys.length; g++) {
    out[g * STRIDE] = keys[g];
    for (let j = 0; j < Q.length; j++) out[g * STRIDE + 1 + j] = values[g * Q.length + j];
  }
  return out;
}

/**
 * What a competent JS user writes: counting sort into one f64 buffer by key (keys known to be dense, so
 * arrays instead of a Map), then sort each group's slice and interpolate.
 */
export const groupedSortPeer: Contender<GroupedInput> = {
  name: 'JS sort per group',
  kind: 'peer',
  note: 'counting sort by key into f64, sort each slice, lerp',
  run({ values, groups, groupCount }) {
    const n = values.length;
    const start = new Uint32Array(groupCount + 1);
    for (let i = 0; i < n; i++) start[groups[i] + 1]++;
    for (let g = 0; g < groupCount; g++) start[g + 1] += start[g];
    const next = start.slice(0, groupCount);
    const buf = new Float64Array(n);
    for (let i = 0; i < n; i++) buf[next[groups[i]]++] = values[i];
    const out = new Float64Array(groupCount * STRIDE);
    for (let g = 0; g < groupCount; g++) {
      const count = start[g + 1] - start[g];
      buf.subarray(start[g], start[g + 1]).sort();
      out[g * STRIDE] = g;
      interpolateSorted(buf, start[g], count, Q, out, g * STRIDE + 1);
    }
    return out;
  },
};
