/**
 * Where one round's targets go: the target table rows (compaction spans adjacent and sorted by prefix),
 * the finish region of the read-back buffer, histogram rows, and the ranges copied straight from a key
 * buffer (a target that is exactly a range of compacted or group-sorted keys needs no compaction).
 */
import type { SelectSource } from './gpu-work-lists.js';
import type { Piece, Target } from './gpu-targets.js';

/** Targets grouped by the pieces they read, each group sorted by prefix: the spans compact.wgsl needs. */
export function spans(ts: Target[]): Target[][] {
  const groups = new Map<Piece[], Target[]>();
  for (const t of ts) {
    const g = groups.get(t.pieces);
    if (g) g.push(t);
    else groups.set(t.pieces, [t]);
  }
  for (const g of groups.values()) g.sort((a, b) => a.hi - b.hi || a.lo - b.lo);
  return [...groups.values()];
}

/** Exclusive prefix sums of `sizes`, and their total. */
export function offsets(sizes: number[]): [number[], number] {
  let total = 0;
  return [sizes.map((s) => ((total += s), total - s)), total];
}

/** True when the target's keys are exactly one range of a key buffer. */
function isExact(t: Target, sources: readonly (SelectSource | null)[]): boolean {
  const p = t.pieces;
  return p.length === 1 && !sources[p[0].source]!.raw && p[0].end - p[0].start === t.count;
}

export interface CopyRun {
  source: number;
  /** Elements: from `start` in the source to `at` in the finish region. */
  start: number;
  at: number;
  length: number;
}

/**
 * Splits the finishing targets into compacted ones (first in the finish region, grouped in spans) and
 * copied ones (after them, in source order, adjacent ranges merged into one copy).
 */
export function finishLayout(
  finish: Target[],
  sources: readonly (SelectSource | null)[],
): { groups: Target[][]; ordered: Target[]; at: number[]; keys: number; compactedKeys: number; copies: CopyRun[] } {
  const copied = finish.filter((t) => isExact(t, sources));
  copied.sort((a, b) => a.pieces[0].source - b.pieces[0].source || a.pieces[0].start - b.pieces[0].start);
  const groups = spans(finish.filter((t) => !isExact(t, sources)));
  const compacted = groups.flat();
  const ordered = [...compacted, ...copied];
  const [at, keys] = offsets(ordered.map((t) => t.count));
  const compactedKeys = compacted.reduce((s, t) => s + t.count, 0);
  const copies: CopyRun[] = [];
  copied.forEach((t, i) => {
    const p = t.pieces[0];
    const last = copies[copies.length - 1];
    if (last && last.source === p.source && last.start + last.length === p.start) last.length += t.count;
    else copies.push({ source: p.source, start: p.start, at: at[compacted.length + i], length: t.count });
  });
  return { groups, ordered, at, keys, compactedKeys, copies };
}
