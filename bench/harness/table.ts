/**
 * Aligned text tables, one per comparison group. Ratio columns read "× vs X" = this row's median ÷ X's
 * median: above 1 this row is slower than X, below 1 faster. A one-line summary under each table says how
 * many times slower each peer is than gpulse's best row.
 */
import type { Row } from './types.js';

export interface RatioColumn {
  header: string;
  pick(rows: Row[]): Row | undefined;
}

/** Fastest gpulse row that counts for speed (software adapters do not). */
export function gpulseBest(rows: Row[]): Row | undefined {
  return rows
    .filter((r) => r.kind === 'gpulse' && r.countsForBest && r.timing)
    .reduce<Row | undefined>((best, r) => (!best || r.timing!.medianMs < best.timing!.medianMs ? r : best), undefined);
}

export const vsGpulseBest: RatioColumn = { header: '× vs gpulse best', pick: gpulseBest };
export const vsRow = (name: string, header = `× vs ${name}`): RatioColumn => ({ header, pick: (rows) => rows.find((r) => r.name === name && r.timing) });

export function fmtMs(ms: number): string {
  return ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms >= 1 ? ms.toFixed(2) : ms.toFixed(3);
}

function ratio(x: number): string {
  return `${x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2)}×`;
}

function fmtRatio(row: Row, ref: Row | undefined): string {
  return row.timing && ref?.timing ? ratio(row.timing.medianMs / ref.timing.medianMs) : '—';
}

function label(row: Row): string {
  return row.approx ? `${row.name} [approx]` : row.name;
}

export function renderTable(rows: Row[], ratios: RatioColumn[]): string {
  const refs = ratios.map((c) => c.pick(rows));
  const head = ['contender', 'size', 'ms (median)', 'min ms', 'runs', 'M values/s', 'check', ...ratios.map((c) => c.header), 'note'];
  const body = rows.map((r) => {
    const t = r.timing;
    return [
      label(r),
      r.size,
      t ? fmtMs(t.medianMs) : '—',
      t ? fmtMs(t.minMs) : '—',
      t ? String(t.runs) : '—',
      t ? (r.values / (t.medianMs * 1e3)).toFixed(1) : '—',
      r.check,
      ...refs.map((ref) => fmtRatio(r, ref)),
      r.note ?? '',
    ];
  });
  const right = new Set([2, 3, 4, 5, ...ratios.map((_, i) => 7 + i)]);
  const widths = head.map((h, c) => Math.max(h.length, ...body.map((b) => b[c].length)));
  const line = (cells: string[]) =>
    cells
      .map((s, c) => (right.has(c) ? s.padStart(widths[c]) : s.padEnd(widths[c])))
      .join('  ')
      .trimEnd();
  return [line(head), widths.map((w) => '─'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

/** "gpulse best = gpulse wasm (12.1 ms). Peer median ÷ gpulse best: sort 8.2×, …" (above 1: gpulse is faster). */
export function renderSummary(rows: Row[]): string {
  const best = gpulseBest(rows);
  if (!best) return 'no gpulse row ran: nothing to compare against';
  const peers = rows.filter((r) => r.kind === 'peer' && r.timing);
  const parts = peers.map((p) => `${p.name} ${ratio(p.timing!.medianMs / best.timing!.medianMs)}`);
  return `gpulse best = ${best.name} (${fmtMs(best.timing!.medianMs)} ms). Peer median ÷ gpulse best: ${parts.join(', ')}`;
}

export function printGroup(title: string, rows: Row[], ratios: RatioColumn[]): void {
  const wrong = rows.filter((r) => r.check.startsWith('✗') || r.check.startsWith('error'));
  const warn = wrong.length ? `\n!! ${wrong.map((r) => r.name).join(', ')}: wrong answer or error (see check)` : '';
  console.log(`\n${title}\n${renderTable(rows, ratios)}\n${renderSummary(rows)}${warn}`);
}
