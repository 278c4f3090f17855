/** Small helpers of radix-select.js.ts: where the keys of a segment start to differ, and a sort for tiny segments. */

/**
 * Over len keys (stride words each, from keys[base]): null when all are equal, else the first word in which they
 * differ (0: the only or high word; 1: the low word of [hi, lo]) and that word's min and max.
 */
export function keyRangeWord(keys: Uint32Array, stride: 1 | 2, base: number, len: number): { word: number; min: number; max: number } | null {
  for (let word = 0; word < stride; word++) {
    let lo = 0xffffffff;
    let hi = 0;
    for (let i = base + word, end = base + len * stride; i < end; i += stride) {
      const k = keys[i];
      if (k < lo) lo = k;
      if (k > hi) hi = k;
    }
    if (lo !== hi) return { word, min: lo, max: hi };
  }
  return null;
}

/** Insertion sort of len keys (compared word by word); only ever called on tiny segments (≤ 32 keys). */
export function sortSmallKeys(keys: Uint32Array, stride: 1 | 2, base: number, len: number): void {
  for (let i = 1; i < len; i++) {
    const x0 = keys[base + i * stride];
    const x1 = stride === 2 ? keys[base + i * stride + 1] : 0;
    let j = i;
    for (; j > 0; j--) {
      const y = base + (j - 1) * stride;
      const y0 = keys[y];
      if (y0 < x0 || (y0 === x0 && (stride === 1 || keys[y + 1] <= x1))) break;
      keys[y + stride] = y0;
      if (stride === 2) keys[y + 3] = keys[y + 1];
    }
    keys[base + j * stride] = x0;
    if (stride === 2) keys[base + j * stride + 1] = x1;
  }
}
