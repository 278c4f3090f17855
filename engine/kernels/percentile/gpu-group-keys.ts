/**
 * Group keys for the GPU grouped kernel: any uint32 keys become dense ids 0..G−1 in ascending key order
 * (the output order), with each group's size. Dense small keys take a counting table; sparse ones a Map.
 */
export interface DenseGroups {
  /** Distinct keys, ascending. */
  keys: Uint32Array;
  /** Per element: its key's index in `keys`. */
  ids: Uint32Array;
  /** Per group: elements (NaN included). */
  sizes: Uint32Array;
}

export function denseGroups(groups: Uint32Array): DenseGroups {
  const n = groups.length;
  let max = 0;
  for (let i = 0; i < n; i++) if (groups[i] > max) max = groups[i];
  return max < 4 * n + 1024 ? viaTable(groups, max) : viaMap(groups);
}

function viaTable(groups: Uint32Array, max: number): DenseGroups {
  const counts = new Uint32Array(max + 1);
  for (let i = 0; i < groups.length; i++) counts[groups[i]]++;
  const index = new Uint32Array(max + 1);
  const keys: number[] = [];
  const sizes: number[] = [];
  for (let k = 0; k <= max; k++) {
    if (counts[k] === 0) continue;
    index[k] = keys.length;
    keys.push(k);
    sizes.push(counts[k]);
  }
  const ids = new Uint32Array(groups.length);
  for (let i = 0; i < groups.length; i++) ids[i] = index[groups[i]];
  return { keys: Uint32Array.from(keys), ids, sizes: Uint32Array.from(sizes) };
}

function viaMap(groups: Uint32Array): DenseGroups {
  const counts = new Map<number, number>();
  for (let i = 0; i < groups.length; i++) counts.set(groups[i], (counts.get(groups[i]) ?? 0) + 1);
  const keys = Uint32Array.from(counts.keys()).sort();
  const index = new Map<number, number>();
  keys.forEach((k, g) => index.set(k, g));
  const ids = new Uint32Array(groups.length);
  for (let i = 0; i < groups.length; i++) ids[i] = index.get(groups[i])!;
  return { keys, ids, sizes: Uint32Array.from(keys, (k) => counts.get(k)!) };
}
