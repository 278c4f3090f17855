/**
 * Renders a percentile result as json (one compact object per run), csv (machine-readable, round-trips
 * through the reader) or table (aligned, for people). json and csv print every value exactly (shortest
 * round-trip float64 text); table rounds to 7 significant digits.
 */

export const FORMATS = ['table', 'json', 'csv'] as const;
export type Format = (typeof FORMATS)[number];

export interface GroupRow {
  key: string;
  count: number;
  values: ArrayLike<number>;
}

export interface PercentileReport {
  backend: string;
  q: number[];
  method: string;
  /** Ungrouped: values that took part, and one value per q. */
  count?: number;
  values?: ArrayLike<number>;
  /** Grouped: one row per group, in order of first appearance. */
  groups?: GroupRow[];
  /** Backend the call started on, when it fell back (table footer only). */
  fallback?: string;
  /** Demo runs: how long reading/generating and computing took. */
  timing?: { inputMs: number; computeMs: number; rows: number };
}

export function formatReport(report: PercentileReport, format: Format): string {
  if (format === 'json') return formatJson(report);
  if (format === 'csv') return formatCsv(report);
  return formatTable(report);
}

/** JSON has no NaN/Infinity, so non-finite numbers become the strings "NaN", "Infinity", "-Infinity". */
export function jsonNumber(v: number): number | string {
  return Number.isFinite(v) ? v : String(v);
}

function formatJson(r: PercentileReport): string {
  const out: Record<string, unknown> = { backend: r.backend, q: r.q, method: r.method };
  if (r.groups) {
    out.groups = r.groups.map((g) => ({ key: g.key, count: g.count, values: Array.from(g.values, jsonNumber) }));
  } else {
    out.count = r.count;
    out.values = Array.from(r.values ?? [], jsonNumber);
  }
  if (r.timing) out.timing = r.timing;
  return `${JSON.stringify(out)}\n`;
}

/** Column label for a probability: 0.5 → p50, 0.999 → p99.9 (toPrecision hides 0.29·100 = 28.999…). */
export function qLabel(q: number): string {
  return `p${Number((q * 100).toPrecision(12))}`;
}

/** RFC 4180 quoting, only where needed. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

function formatCsv(r: PercentileReport): string {
  const lines: string[] = [];
  if (r.groups) {
    lines.push(['key', 'count', ...r.q.map(qLabel)].join(','));
    for (const g of r.groups) lines.push([csvField(g.key), String(g.count), ...Array.from(g.values, String)].join(','));
  } else {
    lines.push('q,value');
    const values = r.values ?? [];
    r.q.forEach((q, i) => lines.push(`${q},${values[i]}`));
  }
  return `${lines.join('\n')}\n`;
}

function human(v: number): string {
  if (!Number.isFinite(v) || (Number.isInteger(v) && Math.abs(v) < 1e15)) return String(v);
  return String(Number(v.toPrecision(7)));
}

function formatTable(r: PercentileReport): string {
  const rows: string[][] = r.groups
    ? [['key', 'count', ...r.q.map(qLabel)], ...r.groups.map((g) => [g.key, String(g.count), ...Array.from(g.values, human)])]
    : [['q', 'value'], ...r.q.map((q, i) => [String(q), human((r.values ?? [])[i])])];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  // Group keys are text and read best left-aligned; every other column is a number and is right-aligned.
  const leftAligned = r.groups ? 0 : -1;
  const lines = rows.map((row) =>
    row.map((cell, c) => (c === leftAligned ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ').trimEnd(),
  );
  lines.push('', footer(r));
  return `${lines.join('\n')}\n`;
}

function footer(r: PercentileReport): string {
  const parts = [`backend: ${r.backend}${r.fallback ? ` (fell back from ${r.fallback})` : ''}`, `method: ${r.method}`];
  if (r.groups) parts.push(`groups: ${r.groups.length}`, `values: ${r.groups.reduce((s, g) => s + g.count, 0)}`);
  else parts.push(`values: ${r.count}`);
  if (r.timing) {
    parts.push(`rows: ${r.timing.rows}`, `input: ${r.timing.inputMs.toFixed(1)} ms`, `compute: ${r.timing.computeMs.toFixed(1)} ms`);
  }
  return parts.join('  ');
}
