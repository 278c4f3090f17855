/** The text a batch run prints: what ran, per-stage telemetry, top anomalies, injected anomalies recovered, outputs. */
import type { InjectedAnomaly } from '../../../shared/fleet-generator.js';
import type { BatchResults } from './results.js';
import type { Telemetry } from './telemetry.js';

export interface SummaryInput {
  title: string;
  results: BatchResults;
  telemetry: Telemetry;
  outputs: { path: string; bytes: number }[];
  notes: string[];
  top: number;
  /** Demo only: the generator's ground truth, by entity name. */
  injected?: Map<string, InjectedAnomaly>;
}

export function formatSummary(s: SummaryInput): string {
  const lines = [s.title, '', s.telemetry.table(), `total ${s.telemetry.totalMs.toFixed(0)} ms, compute ${s.telemetry.computeMs.toFixed(0)} ms (without input, data generation, model load and output)`, ''];
  const scores = s.results.scores;
  if (scores && scores.rows.length > 0) {
    lines.push(`top ${Math.min(s.top, scores.rows.length)} anomalous entities (anomaly score, higher = more unusual):`);
    // Rank 1 of every metric first, then rank 2 …: with several metrics each gets its worst entities listed.
    const byRank = [...scores.rows].sort((a, b) => (a[3] as number) - (b[3] as number) || (b[2] as number) - (a[2] as number));
    for (const row of byRank.slice(0, s.top)) {
      const truth = s.injected?.get(row[0] as string);
      lines.push(`  ${String(row[3]).padStart(3)}. ${String(row[0]).padEnd(12)} ${String(row[1]).padEnd(8)} ${(row[2] as number).toFixed(3).padStart(9)}${truth ? `  injected ${truth.kind}` : ''}`);
    }
    if (s.injected) lines.push('', recovered(s.injected, scores.rows));
    lines.push('');
  }
  for (const n of s.notes) lines.push(n);
  if (s.outputs.length) lines.push(`wrote ${s.outputs.map((o) => o.path).join(', ')}`);
  return `${lines.join('\n')}\n`;
}

/** How many injected anomalies rank within the top k, k = the number injected (recall at k), per kind too. */
function recovered(injected: Map<string, InjectedAnomaly>, rows: unknown[][]): string {
  const k = injected.size;
  const top = new Set(rows.slice(0, k).map((r) => r[0] as string));
  const byKind = new Map<string, [number, number]>();
  let found = 0;
  for (const [name, a] of injected) {
    const hit = top.has(name);
    found += hit ? 1 : 0;
    const c = byKind.get(a.kind) ?? [0, 0];
    byKind.set(a.kind, [c[0] + (hit ? 1 : 0), c[1] + 1]);
  }
  const kinds = [...byKind].map(([kind, [h, n]]) => `${kind} ${h}/${n}`).join(', ');
  return `injected anomalies found in the top ${k}: ${found}/${k} (${kinds})`;
}
