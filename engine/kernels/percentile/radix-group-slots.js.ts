/**
 * groupedPercentile on JS, step 1: group keys → slots 0 … range−1 in ascending key order. Dense keys use
 * key − min; sparse keys go through an open-addressing hash table (grown on demand) to first-seen ids, which
 * are then renumbered in ascending key order.
 */

/** Slot tables up to this many entries (or n/2 for larger inputs) are cheaper than hashing. */
const DENSE_RANGE = 1 << 16;

export interface GroupSlotsJs {
  /** Slot of value i: slotOf[i] − base (slotOf is the keys themselves when dense, else ids). */
  slotOf: Uint32Array;
  base: number;
  range: number;
  keyOf(slot: number): number;
}

export function groupSlotsJs(groups: Uint32Array): GroupSlotsJs {
  const n = groups.length;
  let lo = 0xffffffff;
  let hi = 0;
  for (let i = 0; i < n; i++) {
    const g = groups[i];
    if (g < lo) lo = g;
    if (g > hi) hi = g;
  }
  if (n === 0) return { slotOf: groups, base: 0, range: 0, keyOf: (s) => s };
  if (hi - lo < Math.max(DENSE_RANGE, n / 2)) return { slotOf: groups, base: lo, range: hi - lo + 1, keyOf: (s) => lo + s };

  const ids = new Uint32Array(n);
  const byId: number[] = [];
  let cap = 1 << 10;
  let keys = new Uint32Array(cap);
  let slots = new Int32Array(cap).fill(-1);
  for (let i = 0; i < n; i++) {
    if (byId.length >= cap >>> 1) {
      ({ keys, slots } = grow(keys, slots, (cap *= 4)));
    }
    const key = groups[i];
    let s = hash(key, cap);
    while (slots[s] !== -1 && keys[s] !== key) s = (s + 1) & (cap - 1);
    if (slots[s] === -1) {
      keys[s] = key;
      slots[s] = byId.length;
      byId.push(key);
    }
    ids[i] = slots[s];
  }
  const sorted = Uint32Array.from(byId).sort();
  const position = new Map<number, number>();
  sorted.forEach((key, i) => position.set(key, i));
  const rank = Uint32Array.from(byId, (key) => position.get(key)!);
  for (let i = 0; i < n; i++) ids[i] = rank[ids[i]];
  return { slotOf: ids, base: 0, range: sorted.length, keyOf: (s) => sorted[s] };
}

/** Fibonacci hashing: the top log2(cap) bits of key · 2^32/φ. */
function hash(key: number, cap: number): number {
  return Math.imul(key, 0x9e3779b1) >>> (32 - Math.log2(cap));
}

function grow(keys: Uint32Array, slots: Int32Array, cap: number): { keys: Uint32Array<ArrayBuffer>; slots: Int32Array<ArrayBuffer> } {
  const k2 = new Uint32Array(cap);
  const s2 = new Int32Array(cap).fill(-1);
  for (let j = 0; j < keys.length; j++) {
    if (slots[j] === -1) continue;
    let s = hash(keys[j], cap);
    while (s2[s] !== -1) s = (s + 1) & (cap - 1);
    k2[s] = keys[j];
    s2[s] = slots[j];
  }
  return { keys: k2, slots: s2 };
}
