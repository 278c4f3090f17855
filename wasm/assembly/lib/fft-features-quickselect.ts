// Quickselect on f32 in linear memory: the k-th smallest of a[lo … hi] to a[k] (left ≤, right ≥), with a
// median-of-three pivot and insertion sort for short ranges. Used on the few candidates a rank's bucket holds.

function swap(a: usize, i: i32, j: i32): void {
  const pi = a + (<usize>i << 2), pj = a + (<usize>j << 2);
  const t = load<f32>(pi);
  store<f32>(pi, load<f32>(pj));
  store<f32>(pj, t);
}

@inline export function at(a: usize, i: i32): f32 {
  return load<f32>(a + (<usize>i << 2));
}

/** Puts the k-th smallest of a[lo … hi] at a[k] (left ≤, right ≥); sorts small ranges outright. */
export function quickselect(a: usize, lo: i32, hi: i32, k: i32): void {
  while (hi > lo) {
    if (hi - lo < 16) {
      for (let i = lo + 1; i <= hi; i++) {
        const v = at(a, i);
        let j = i - 1;
        while (j >= lo && at(a, j) > v) {
          store<f32>(a + (<usize>(j + 1) << 2), at(a, j));
          j--;
        }
        store<f32>(a + (<usize>(j + 1) << 2), v);
      }
      return;
    }
    const mid = (lo + hi) >> 1;
    if (at(a, mid) < at(a, lo)) swap(a, mid, lo);
    if (at(a, hi) < at(a, lo)) swap(a, hi, lo);
    if (at(a, hi) < at(a, mid)) swap(a, hi, mid);
    const pivot = at(a, mid);
    let i = lo, j = hi;
    while (i <= j) {
      while (at(a, i) < pivot) i++;
      while (at(a, j) > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}
