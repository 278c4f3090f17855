// Sparse group keys (any u32) → dense ids for the counting sort: an open-addressing hash table that the host
// grows on demand, then a remap of the ids to the keys' ascending order.

/** Table layout: cap (a power of two, 2 … 2^31) slots of [key u32, id + 1 u32]; id + 1 = 0 marks an empty slot. */
// Fibonacci hashing: the top log2(cap) bits of key · 2^32/φ.
@inline function slotOf(key: u32, cap: u32): u32 {
  return (key * 0x9e3779b1) >>> (32 - ctz(cap));
}

/** Distinct keys seen so far (the next id). */
let distinct: u32 = 0;

export function hashReset(): void {
  distinct = 0;
}

export function hashDistinct(): u32 {
  return distinct;
}

/**
 * Replaces groups[i] (u32, 4-byte aligned) by its key's id, for i from `from` on, inserting new keys into the
 * table (8-byte aligned, cap slots). Stops before the table gets half full; returns the next i to process
 * (n when done), so the host can grow the table with hashRehash and continue.
 */
export function hashGroups(groups: usize, n: u32, from: u32, table: usize, cap: u32): u32 {
  const mask = cap - 1;
  for (let i: usize = <usize>from; i < <usize>n; i++) {
    if (distinct >= cap >> 1) return <u32>i;
    const at = groups + (i << 2);
    const key = load<u32>(at);
    let s = slotOf(key, cap);
    while (true) {
      const p = table + (<usize>s << 3);
      const id = load<u32>(p, 4);
      if (id == 0) {
        store<u32>(p, key);
        store<u32>(p, ++distinct, 4);
        store<u32>(at, distinct - 1);
        break;
      }
      if (load<u32>(p) == key) {
        store<u32>(at, id - 1);
        break;
      }
      s = (s + 1) & mask;
    }
  }
  return n;
}

/** Moves every entry of the old table into the new one (zeroed, larger power of two). */
export function hashRehash(old: usize, oldCap: u32, table: usize, cap: u32): void {
  const mask = cap - 1;
  for (let j: usize = 0; j < <usize>oldCap; j++) {
    const id = load<u32>(old + (j << 3), 4);
    if (id == 0) continue;
    const key = load<u32>(old + (j << 3));
    let s = slotOf(key, cap);
    while (load<u32>(table + (<usize>s << 3), 4) != 0) s = (s + 1) & mask;
    store<u32>(table + (<usize>s << 3), key);
    store<u32>(table + (<usize>s << 3), id, 4);
  }
}

/** Writes the key of id j to keys[j] (u32) for every entry of the table. */
export function hashKeys(table: usize, cap: u32, keys: usize): void {
  for (let j: usize = 0; j < <usize>cap; j++) {
    const id = load<u32>(table + (j << 3), 4);
    if (id != 0) store<u32>(keys + (<usize>(id - 1) << 2), load<u32>(table + (j << 3)));
  }
}

/** groups[i] = rank[groups[i]] (u32 tables): ids in first-seen order → ids in ascending key order. */
export function remapGroups(groups: usize, n: u32, rank: usize): void {
  for (let i: usize = 0; i < <usize>n; i++) {
    const at = groups + (i << 2);
    store<u32>(at, load<u32>(rank + (<usize>load<u32>(at) << 2)));
  }
}
