/** The brief's one-thread targets, checked against the measured rows (min timings) for the result notes. */
import type { Row } from '../../harness/types.js';

const rowsPerSec = (r: Row | undefined) => (r?.timing ? r.values / (r.timing.minMs / 1000) : undefined);

export function targetNotes(rows: Row[]): string[] {
  const find = (group: string, name: string) => rows.find((r) => r.group === group && r.name === name && r.timing);
  const fmt = (v: number | undefined, unit: string) => (v === undefined ? 'not measured' : `${v >= 1e4 ? Math.round(v).toLocaleString('en-US') : v.toFixed(1)} ${unit}`);
  const q8 = rowsPerSec(find('MLP q8 batch 4096', 'gpulse wasm'));
  const q8web = rowsPerSec(find('MLP q8 batch 4096', 'onnxruntime-web wasm'));
  const fp32 = rowsPerSec(find('MLP fp32 batch 4096', 'gpulse wasm'));
  const q4 = rowsPerSec(find('MLP q4 batch 4096', 'gpulse wasm'));
  const q4lat = find('MLP q4 batch 1', 'gpulse wasm')?.timing?.minMs;
  const gops = (variant: string) => {
    const r = rows.find((x) => x.group.includes('int8 GEMM') && x.name === `gpulse wasm ${variant}` && x.timing);
    return r?.timing ? r.values / (r.timing.minMs * 1e6) : undefined;
  };
  const verdict = (ok: boolean | undefined) => (ok === undefined ? '?' : ok ? 'met' : 'missed');
  return [
    `Targets (one thread, min timings): q8 batch 4096 ${fmt(q8, 'rows/s')} (target ≥ 800,000 and ≥ 2× onnxruntime-web = ${fmt(q8web && 2 * q8web, 'rows/s')}: ${verdict(q8 !== undefined ? q8 >= 800_000 : undefined)} / ${verdict(q8 && q8web ? q8 >= 2 * q8web : undefined)})`,
    `fp32 batch 4096 ${fmt(fp32, 'rows/s')} (target ≥ 170,000: ${verdict(fp32 !== undefined ? fp32 >= 170_000 : undefined)}); q4 batch 4096 ${fmt(q4, 'rows/s')} (target ≥ 300,000: ${verdict(q4 !== undefined ? q4 >= 300_000 : undefined)}); q4 batch-1 latency ${q4lat === undefined ? 'not measured' : `${(q4lat * 1000).toFixed(1)} µs`} (target ≤ 25 µs: ${verdict(q4lat !== undefined ? q4lat * 1000 <= 25 : undefined)})`,
    `int8 GEMM 4096×256×256: ${fmt(gops('simd'), 'GOPS')} SIMD (target ≥ 90: ${verdict(gops('simd') !== undefined ? gops('simd')! >= 90 : undefined)}), ${fmt(gops('relaxed'), 'GOPS')} relaxed build (target ≥ 100: ${verdict(gops('relaxed') !== undefined ? gops('relaxed')! >= 100 : undefined)}; the int8 path has no valid relaxed dot for u8 × i8 operands, so both builds run the same dot_i16x8_s kernel)`,
  ];
}
