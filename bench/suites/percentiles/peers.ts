/**
 * Single-array percentile peers, each timed the way its users call it (copies and builds included).
 * Exact peers compute numpy 'linear' (type 7) from f64, so they must match gpulse to the bit or within
 * 1 ulp (their lerp is a + (b − a)·t). Sketches are approximate by design.
 */
import { quantile as d3Quantile } from 'd3-array';
import { quantile as ssQuantile } from 'simple-statistics';
import { TDigest } from 'tdigest';
import { DDSketch } from '@datadog/sketches-js';
import * as hdr from 'hdr-histogram-js';
import type { Contender } from '../../harness/contest.js';

export const Q = [0.5, 0.9, 0.95, 0.99];

/** numpy 'linear' on sorted data, written as d3 and simple-statistics write it. */
export function interpolateSorted(sorted: ArrayLike<number>, start: number, count: number, q: readonly number[], out: Float64Array, at: number): void {
  for (let j = 0; j < q.length; j++) {
    const h = (count - 1) * q[j];
    const f = Math.floor(h);
    const a = sorted[start + f];
    out[at + j] = f + 1 < count ? a + (sorted[start + f + 1] - a) * (h - f) : a;
  }
}

export const sortPeer: Contender<Float32Array> = {
  name: 'Float64 copy + sort',
  kind: 'peer',
  note: 'Float64Array.from + TypedArray sort + lerp',
  run(data) {
    const sorted = Float64Array.from(data).sort();
    const out = new Float64Array(Q.length);
    interpolateSorted(sorted, 0, sorted.length, Q, out, 0);
    return out;
  },
};

export const d3Peer: Contender<Float32Array> = {
  name: 'd3-array quantile ×4',
  kind: 'peer',
  note: 'one d3.quantile call per q (each copies to f64 + quickselect)',
  maxValues: 1e6,
  run: (data) => Q.map((p) => d3Quantile(data, p) ?? NaN),
};

export const simpleStatsPeer: Contender<Float32Array> = {
  name: 'simple-statistics quantile',
  kind: 'peer',
  note: 'one call, all q (slice copy + multi-quickselect on f32)',
  // Its types say number[]; it only indexes, so a Float32Array works (and is what users with typed arrays pass).
  run: (data) => ssQuantile(data as unknown as number[], Q),
};

export const tdigestPeer: Contender<Float32Array> = {
  name: 'tdigest',
  kind: 'peer',
  approx: true,
  note: 'build (push each value, default δ 0.01) + percentile(q[])',
  maxValues: 1e6,
  run(data) {
    const td = new TDigest();
    for (let i = 0; i < data.length; i++) td.push(data[i]);
    return td.percentile(Q);
  },
};

export const ddsketchPeer: Contender<Float32Array> = {
  name: 'DDSketch (@datadog/sketches-js)',
  kind: 'peer',
  approx: true,
  note: 'build (accept each value, 1% rel. accuracy) + getValueAtQuantile',
  run(data) {
    const s = new DDSketch();
    for (let i = 0; i < data.length; i++) s.accept(data[i]);
    return Q.map((q) => s.getValueAtQuantile(q));
  },
};

/** HDR histograms record integers: values are scaled ×1e6 and rounded (3 significant digits kept). */
export const HDR_SCALE = 1e6;

export const hdrPeer: Contender<Float32Array> = {
  name: 'hdr-histogram-js (wasm)',
  kind: 'peer',
  approx: true,
  note: `build (recordValue of round(v×${HDR_SCALE.toExponential().replace('+', '')}), 3 sig. digits) + getValueAtPercentile`,
  prepare: () => hdr.initWebAssembly(),
  run(data) {
    const h = hdr.build({ useWebAssembly: true, numberOfSignificantValueDigits: 3 });
    try {
      for (let i = 0; i < data.length; i++) h.recordValue(Math.round(data[i] * HDR_SCALE));
      return Q.map((q) => h.getValueAtPercentile(q * 100) / HDR_SCALE);
    } finally {
      h.destroy(); // WASM histograms hold linear memory until destroyed.
    }
  },
};

export const ALL_PEERS = [sortPeer, d3Peer, simpleStatsPeer, tdigestPeer, ddsketchPeer, hdrPeer];
