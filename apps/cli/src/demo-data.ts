/**
 * Built-in demo data for `--demo`: latency-like lognormal values (ms) in 20 endpoints, from a fixed seed so
 * every run prints the same percentiles (only the timings change).
 */
import type { ColumnData } from './csv-columns.js';
import { mulberry32 } from '../../shared/random.js';

export const DEMO_ROWS = 1_000_000;
export const DEMO_GROUPS = 20;
const SEED = 0x9e3779b9;


export function demoData(rows = DEMO_ROWS, groupCount = DEMO_GROUPS): ColumnData {
  const random = mulberry32(SEED);
  // Endpoint g: median 4·1.25^g ms (4 ms … ~260 ms), spread growing with g, traffic falling ~1/(g+1) (Zipf-like).
  const median = Array.from({ length: groupCount }, (_, g) => 4 * 1.25 ** g);
  const sigma = Array.from({ length: groupCount }, (_, g) => 0.35 + 0.03 * g);
  const cumulative: number[] = [];
  let total = 0;
  for (let g = 0; g < groupCount; g++) cumulative.push((total += 1 / (g + 1)));

  const values = new Float64Array(rows);
  const groups = new Uint32Array(rows);
  const ids = new Int32Array(groupCount).fill(-1);
  const keys: string[] = [];
  for (let i = 0; i < rows; i++) {
    const u = random() * total;
    let g = 0;
    while (g < groupCount - 1 && u >= cumulative[g]) g++;
    // The first rows visit every endpoint once, so first-appearance order (the output order) is endpoint order.
    if (i < groupCount) g = i;
    // Box–Muller; 1 − u keeps the log argument in (0, 1].
    const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    values[i] = median[g] * Math.exp(sigma[g] * z);
    // Dense ids in order of first appearance, as for a CSV group column.
    if (ids[g] < 0) {
      ids[g] = keys.length;
      keys.push(`endpoint-${String(g + 1).padStart(2, '0')}`);
    }
    groups[i] = ids[g];
  }
  return { values, groups, keys, firstNanLine: 0 };
}
