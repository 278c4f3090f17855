/**
 * Quality of the shipped anomaly model (apps/model/anomaly-model.int8.onnx), printed as tables:
 *   node --import tsx apps/model/quality.ts
 *
 * 1. Held-out generated fleets (seeds ≠ the training seed): VMs ranked by score (max over their 1-day windows);
 *    with A = number of VMs that got an injected anomaly, precision@A (= recall@A), recall@2A, per kind recall@A
 *    and ROC AUC (anomalous VMs of that kind vs normal VMs); vs a random ranking and vs a no-model baseline
 *    (score = max |robust z| of any feature of any window, i.e. the same features without the autoencoder).
 * 2. NAB (realAWSCloudwatch + realKnownCause, labels/combined_windows.json): each series cut into 288-point windows
 *    (1 day at 5 minutes; nyc_taxi is 30-minute data, so 6 days there), windows ranked by score within the series;
 *    a labelled window is "hit" when a top-k window overlaps it; k = the number of labelled windows of that series,
 *    and k = 3. Random baseline: the exact expected hits of k windows drawn uniformly without replacement.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createEngine, type Engine, type Model } from '../../engine/index.js';
import { generateFleet, type AnomalyKind } from '../shared/fleet-generator.js';
import { FEATURE_DIM, WINDOW } from './features-for-model.js';
import { scoreFleet } from './score.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const MODEL_FILE = path.join(here, 'anomaly-model.int8.onnx');
export const NAB_DIR = path.resolve(here, '../../../shared/data/nab');
const KINDS: AnomalyKind[] = ['spike', 'level-shift', 'drift', 'flatline'];

/** Rank positions (0 = highest score), ties broken by index. */
function ranksDesc(scores: ArrayLike<number>): Uint32Array {
  const idx = Array.from({ length: scores.length }, (_, i) => i);
  const key = (i: number) => (Number.isNaN(scores[i]) ? -Infinity : scores[i]);
  idx.sort((a, b) => key(b) - key(a) || a - b);
  const rank = new Uint32Array(scores.length);
  idx.forEach((v, r) => (rank[v] = r));
  return rank;
}

function auc(pos: number[], neg: number[]): number {
  let s = 0;
  for (const p of pos) for (const n of neg) s += p > n ? 1 : p === n ? 0.5 : 0;
  return pos.length && neg.length ? s / (pos.length * neg.length) : NaN;
}

export interface FleetQuality {
  seed: number;
  vms: number;
  anomalous: number;
  model: RankQuality;
  baseline: RankQuality;
}

export interface RankQuality {
  precisionAtA: number;
  recallAt2A: number;
  /** Median rank of anomalous VMs as a fraction of the fleet (0 = top). */
  medianRankFraction: number;
  perKind: Record<AnomalyKind, { count: number; recallAtA: number; auc: number }>;
}

function rankQuality(scores: ArrayLike<number>, kindOf: (AnomalyKind | undefined)[]): RankQuality {
  const n = scores.length;
  const rank = ranksDesc(scores);
  const anomalous = kindOf.map((k, i) => (k ? i : -1)).filter((i) => i >= 0);
  const A = anomalous.length;
  const inTop = (i: number, k: number) => rank[i] < k;
  const normal = kindOf.map((k, i) => (k ? NaN : scores[i])).filter((v) => !Number.isNaN(v));
  const ranks = anomalous.map((i) => rank[i]).sort((a, b) => a - b);
  const perKind = {} as RankQuality['perKind'];
  for (const kind of KINDS) {
    const vms = anomalous.filter((i) => kindOf[i] === kind);
    perKind[kind] = { count: vms.length, recallAtA: vms.filter((i) => inTop(i, A)).length / vms.length, auc: auc(vms.map((i) => scores[i]), normal) };
  }
  return {
    precisionAtA: anomalous.filter((i) => inTop(i, A)).length / A,
    recallAt2A: anomalous.filter((i) => inTop(i, 2 * A)).length / A,
    medianRankFraction: ranks[Math.floor((ranks.length - 1) / 2)] / n,
    perKind,
  };
}

export async function evaluateFleet(engine: Engine, model: Model, opts: { seed: number; vms?: number; anomalyRate?: number }): Promise<FleetQuality> {
  const fleet = generateFleet({ seed: opts.seed, vms: opts.vms ?? 2000, anomalyRate: opts.anomalyRate });
  const r = await scoreFleet(engine, fleet.values, { pointsPerSeries: fleet.pointsPerVm, model });
  const kindOf: (AnomalyKind | undefined)[] = new Array(fleet.vms).fill(undefined);
  for (const a of fleet.anomalies) kindOf[a.vm] = a.kind;
  // No-model baseline: max |s| over the same window vectors.
  const base = new Float32Array(fleet.vms);
  const { x, windowsPerSeries, firstWindow } = r.windows;
  for (let v = 0; v < fleet.vms; v++) {
    let m = 0;
    for (let i = firstWindow[v] * FEATURE_DIM; i < (firstWindow[v] + windowsPerSeries[v]) * FEATURE_DIM; i++) m = Math.max(m, Math.abs(x[i]));
    base[v] = m;
  }
  return { seed: opts.seed, vms: fleet.vms, anomalous: fleet.anomalies.length, model: rankQuality(r.seriesScores, kindOf), baseline: rankQuality(base, kindOf) };
}

const parseTime = (s: string): number => Date.parse(s.trim().slice(0, 19).replace(' ', 'T') + 'Z');

function choose(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return r;
}

export interface NabSeriesQuality {
  name: string;
  windows: number;
  labels: number;
  /** Labelled windows overlapped by one of the top-k scored windows, k = labels. */
  hitsAtLabels: number;
  randomAtLabels: number;
  hitsAt3: number;
  randomAt3: number;
  /** The no-model baseline (window score = max |robust z| over features): hits at k = labels and k = 3. */
  baselineAtLabels: number;
  baselineAt3: number;
  /** Score rank (0 = top) of the best-ranked window overlapping each label. */
  bestRanks: number[];
}

export async function evaluateNab(engine: Engine, model: Model, dir = NAB_DIR): Promise<NabSeriesQuality[]> {
  const labels = JSON.parse(readFileSync(path.join(dir, 'labels/combined_windows.json'), 'utf8')) as Record<string, [string, string][]>;
  const names: string[] = [];
  const times: number[][] = [];
  const all: number[] = [];
  const offsets = [0];
  for (const sub of ['realAWSCloudwatch', 'realKnownCause']) {
    for (const f of readdirSync(path.join(dir, 'data', sub)).filter((f) => f.endsWith('.csv')).sort()) {
      const t: number[] = [];
      for (const line of readFileSync(path.join(dir, 'data', sub, f), 'utf8').trim().split('\n').slice(1)) {
        const c = line.lastIndexOf(',');
        t.push(parseTime(line.slice(0, c)));
        all.push(Number(line.slice(c + 1)));
      }
      names.push(`${sub}/${f}`);
      times.push(t);
      offsets.push(all.length);
    }
  }
  const r = await scoreFleet(engine, Float64Array.from(all), { offsets, model });
  const out: NabSeriesQuality[] = [];
  names.forEach((name, s) => {
    const lab = (labels[name] ?? []).map(([a, b]) => [parseTime(a), parseTime(b)] as const);
    const n = r.windows.windowsPerSeries[s];
    const first = r.windows.firstWindow[s];
    const scores = Array.from(r.windowScores.subarray(first, first + n));
    const rank = ranksDesc(scores);
    const baseScores = Array.from({ length: n }, (_, w) => {
      let m = 0;
      for (let f = 0; f < FEATURE_DIM; f++) m = Math.max(m, Math.abs(r.windows.x[(first + w) * FEATURE_DIM + f]));
      return m;
    });
    const baseRank = ranksDesc(baseScores);
    const t = times[s];
    const span = (w: number) => {
      const p0 = r.windows.windowStart[first + w] - offsets[s];
      return [t[p0], t[p0 + WINDOW - 1]] as const;
    };
    const overl = lab.map(([a, b]) => Array.from({ length: n }, (_, w) => w).filter((w) => span(w)[0] <= b && span(w)[1] >= a));
    const hits = (k: number, rk = rank) => overl.filter((ws) => ws.some((w) => rk[w] < k)).length;
    const random = (k: number) => overl.reduce((e, ws) => e + 1 - choose(n - ws.length, Math.min(k, n)) / choose(n, Math.min(k, n)), 0);
    const k = lab.length;
    out.push({
      name, windows: n, labels: k,
      hitsAtLabels: hits(k), randomAtLabels: random(k), hitsAt3: hits(3), randomAt3: random(3),
      baselineAtLabels: hits(k, baseRank), baselineAt3: hits(3, baseRank),
      bestRanks: overl.map((ws) => (ws.length ? Math.min(...ws.map((w) => rank[w])) : -1)),
    });
  });
  return out;
}

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const engine = createEngine({ backend: 'js', workers: 0 });
  const bytes = new Uint8Array(readFileSync(MODEL_FILE));
  const model = await engine.loadModel(bytes, { backend: 'js' });
  console.log(`model ${path.relative(process.cwd(), MODEL_FILE)}: ${bytes.length} bytes`);
  for (const seed of [2, 42, 2027]) {
    const q = await evaluateFleet(engine, model, { seed });
    console.log(`\nGenerated fleet seed ${seed}: ${q.vms} VMs × 14 days, ${q.anomalous} with an injected anomaly (random precision@A = ${pct(q.anomalous / q.vms)})`);
    console.log('| scorer | precision@A | recall@2A | median anomalous rank | spike R@A / AUC | level-shift R@A / AUC | drift R@A / AUC | flatline R@A / AUC |');
    console.log('|---|---|---|---|---|---|---|---|');
    for (const [label, r] of [['autoencoder (int8)', q.model], ['max abs z (no model)', q.baseline]] as const) {
      const kinds = KINDS.map((k) => `${pct(r.perKind[k].recallAtA)} / ${r.perKind[k].auc.toFixed(3)} (n=${r.perKind[k].count})`);
      console.log(`| ${label} | ${pct(r.precisionAtA)} | ${pct(r.recallAt2A)} | top ${pct(r.medianRankFraction)} | ${kinds.join(' | ')} |`);
    }
  }
  if (existsSync(path.join(NAB_DIR, 'labels/combined_windows.json'))) {
    const nab = await evaluateNab(engine, model);
    console.log('\nNAB (288-point windows; hits = labelled anomaly windows overlapped by a top-k scored window)');
    console.log('| series | windows | labels | hits@k=labels | random | max-abs-z | hits@3 | random | max-abs-z | best rank per label |');
    console.log('|---|---|---|---|---|---|---|---|---|---|');
    const sum = { labels: 0, h: 0, r: 0, b: 0, h3: 0, r3: 0, b3: 0 };
    for (const s of nab) {
      if (s.labels === 0) continue;
      sum.labels += s.labels; sum.h += s.hitsAtLabels; sum.r += s.randomAtLabels; sum.h3 += s.hitsAt3; sum.r3 += s.randomAt3;
      sum.b += s.baselineAtLabels; sum.b3 += s.baselineAt3;
      console.log(`| ${s.name} | ${s.windows} | ${s.labels} | ${s.hitsAtLabels} | ${s.randomAtLabels.toFixed(2)} | ${s.baselineAtLabels} | ${s.hitsAt3} | ${s.randomAt3.toFixed(2)} | ${s.baselineAt3} | ${s.bestRanks.join(', ')} |`);
    }
    console.log(`| **total** (${nab.filter((s) => s.labels > 0).length} series) | | ${sum.labels} | ${sum.h} | ${sum.r.toFixed(2)} | ${sum.b} | ${sum.h3} | ${sum.r3.toFixed(2)} | ${sum.b3} | |`);
  } else console.log(`\nNAB data not found at ${NAB_DIR}: skipped`);
  model.dispose();
  engine.dispose();
}
