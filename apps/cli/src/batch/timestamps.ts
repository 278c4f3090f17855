/**
 * Timestamp cells → epoch milliseconds. Accepted: ISO 8601 (date, date-time, optional fraction and zone; no
 * zone means UTC), epoch numbers, Date and bigint. Epoch values below 1e11 are read as seconds (1e11 s is
 * the year 5138, 1e11 ms is 1973), anything larger as milliseconds. Returns NaN when the cell is none of these.
 */
const ISO = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;
const EPOCH = /^[+-]?\d+(?:\.\d+)?$/;

export function epochToMs(x: number): number {
  return Math.abs(x) < 1e11 ? x * 1000 : x;
}

export function parseTimestamp(cell: unknown): number {
  if (typeof cell === 'number') return Number.isFinite(cell) ? epochToMs(cell) : NaN;
  if (typeof cell === 'bigint') return epochToMs(Number(cell));
  if (cell instanceof Date) return cell.getTime();
  if (typeof cell !== 'string') return NaN;
  const s = cell.trim();
  if (EPOCH.test(s)) return epochToMs(Number(s));
  if (!ISO.test(s)) return NaN;
  // Date.parse reads a date-time without zone as local time; the data files mean UTC.
  const zoned = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(s) || !/[T ]/i.test(s) ? s : `${s}Z`;
  // Date.parse wants 'T' and at most millisecond digits.
  const normalized = zoned.replace(' ', 'T').replace(/(\.\d{3})\d+/, '$1');
  return Date.parse(normalized);
}

/** "1h", "5m", "30s", "1d", "250ms" → milliseconds. */
export function parseDuration(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/.exec(text.trim());
  if (!m) return undefined;
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as 'ms' | 's' | 'm' | 'h' | 'd'];
  const ms = Number(m[1]) * unit;
  return ms > 0 ? ms : undefined;
}

/** "512MB", "1GiB", "64k", "1000000" → bytes. */
export function parseBytes(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?$/i.exec(text.trim());
  if (!m) return undefined;
  const unit = (m[2] ?? 'b').toLowerCase();
  const scale = unit.startsWith('k') ? 1024 : unit.startsWith('m') ? 1024 ** 2 : unit.startsWith('g') ? 1024 ** 3 : 1;
  const bytes = Math.floor(Number(m[1]) * scale);
  return bytes > 0 ? bytes : undefined;
}
