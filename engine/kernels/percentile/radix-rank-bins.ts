/**
 * One step of radix select shared by the JS and WASM hosts: given a histogram and the wanted ranks, find
 * the bins that hold them. Consecutive ranks in one bin share a RankBin, so each bin is compacted once.
 */

/** A histogram bin holding at least one wanted rank. */
export interface RankBin {
  bin: number;
  /** Keys in the bin. */
  count: number;
  /** Keys in lower bins. */
  below: number;
  /** Index of its first rank in the rank list, and how many ranks it holds. */
  first: number;
  ranks: number;
}

/**
 * For ascending ranks (each < the histogram's total), the bins holding them in ascending bin order;
 * rel[i] receives rank i's position inside its bin.
 */
export function binsOfRanks(hist: ArrayLike<number>, ranks: ArrayLike<number>, rel: { [i: number]: number }): RankBin[] {
  const out: RankBin[] = [];
  let bin = 0;
  let below = 0;
  for (let i = 0; i < ranks.length; i++) {
    const r = ranks[i];
    let c = hist[bin];
    while (below + c <= r) {
      below += c;
      c = hist[++bin];
    }
    const last = out[out.length - 1];
    if (last && last.bin === bin) last.ranks++;
    else out.push({ bin, count: c, below, first: i, ranks: 1 });
    rel[i] = r - below;
  }
  return out;
}
