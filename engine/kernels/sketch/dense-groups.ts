/**
 * Group keys (any uint32) → dense row indices 0..G−1 in ascending key order. Small key ranges use a direct
 * table (three linear passes); keys already 0..G−1 are used as they are; sparse keys go through a sort.
 * Cached per keys array, so a kernel's supports() and run() share one pass.
 */
export interface DenseGroups {
  /** Distinct keys, ascending. */
  keys: Uint32Array;
  /** Row of each value (may be the input itself when keys are already dense). */
  index: Uint32Array;
}

const cache = new WeakMap<Uint32Array, DenseGroups>();

function densify(groups: Uint32Array): DenseGroups {
  const n = groups.length;
  let max = 0;
  for (let i = 0; i < n; i++) if (groups[i] > max) max = groups[i];
  if (n === 0) return { keys: new Uint32Array(0), index: groups };
  if (max < Math.max(1 << 16, 4 * n)) {
    const row = new Int32Array(max + 1).fill(-1);
    for (let i = 0; i < n; i++) row[groups[i]] = 0;
    let g = 0;
    for (let k = 0; k <= max; k++) if (row[k] === 0) row[k] = g++;
    const keys = new Uint32Array(g);
    for (let k = 0; k <= max; k++) if (row[k] >= 0) keys[row[k]] = k;
    if (g === max + 1) return { keys, index: groups };
    const index = new Uint32Array(n);
    for (let i = 0; i < n; i++) index[i] = row[groups[i]];
    return { keys, index };
  }
  const keys = Uint32Array.from(new Set(groups)).sort();
  const rowOf = new Map<number, number>();
  keys.forEach((k, r) => rowOf.set(k, r));
  const index = new Uint32Array(n);
  for (let i = 0; i < n; i++) index[i] = rowOf.get(groups[i])!;
  return { keys, index };
}

export function denseGroups(groups: Uint32Array): DenseGroups {
  let d = cache.get(groups);
  if (!d) cache.set(groups, (d = densify(groups)));
  return d;
}
