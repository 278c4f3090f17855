// Bucket sizes for the two-step counting sort by group (group-scatter-two-step.ts): one bucket per super-slot
// (slot >> SUPER_BITS), sized from a sample of the slots or, after an overflow, counted exactly.

export const SUPER_BITS: u32 = 7;
export const LOW_MASK: u32 = (1 << SUPER_BITS) - 1;

/** Adds one to superCounts[(groups[i] − base) >> 7] (u32) for s stratified sample positions i (s ≤ n). */
export function groupSuperSample(groups: usize, n: u32, base: u32, s: u32, seed: u32, superCounts: usize): void {
  let x = seed | 1;
  const step = <f64>n / <f64>s;
  let from: u32 = 0;
  for (let j: u32 = 0; j < s; j++) {
    const to = j + 1 == s ? n : <u32>(<f64>(j + 1) * step);
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    const i = from + <u32>((<u64>x * <u64>(to - from)) >> 32);
    from = to;
    const at = superCounts + (<usize>((load<u32>(groups + (<usize>i << 2)) - base) >> SUPER_BITS) << 2);
    store<u32>(at, load<u32>(at) + 1);
  }
}

/** Exact variant: superCounts[slot >> 7] counts every value (NaN too: an upper bound is all the buckets need). */
export function groupSuperCount(groups: usize, n: u32, base: u32, superCounts: usize): void {
  for (let i: usize = 0; i < <usize>n; i++) {
    const at = superCounts + (<usize>((load<u32>(groups + (i << 2)) - base) >> SUPER_BITS) << 2);
    store<u32>(at, load<u32>(at) + 1);
  }
}
