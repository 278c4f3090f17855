/**
 * The rows one compute pass sees (the whole input, or one spill partition): entity ids from the run-wide
 * dictionary, epoch-ms timestamps and one array per metric. `seriesLength` marks the demo's layout (entity-major,
 * equal-length, time-sorted), which lets the feature stage skip the sort.
 */
export interface Metric {
  name: string;
  values: Float32Array | Float64Array;
}

export interface Dataset {
  entity: Uint32Array;
  timeMs: Float64Array;
  metrics: Metric[];
  seriesLength?: number;
}

/** Per-entity series ordered by time: a permutation of the rows plus offsets, for engine.features. */
export interface SeriesLayout {
  /** Entity id of series i (ascending). */
  ids: Uint32Array;
  offsets: Uint32Array;
  /** Row index of each point, series after series; undefined when rows are already in that order. */
  order?: Uint32Array;
}

export function seriesLayout(ds: Dataset): SeriesLayout {
  const n = ds.entity.length;
  if (ds.seriesLength) {
    const count = n / ds.seriesLength;
    const ids = Uint32Array.from({ length: count }, (_, i) => ds.entity[i * ds.seriesLength!]);
    const offsets = Uint32Array.from({ length: count + 1 }, (_, i) => i * ds.seriesLength!);
    return { ids, offsets };
  }
  // Counting sort by entity id (stable: rows keep file order within an entity), then a time sort per series
  // only where the file was not already in time order.
  let maxId = 0;
  for (let i = 0; i < n; i++) if (ds.entity[i] > maxId) maxId = ds.entity[i];
  const counts = new Uint32Array(maxId + 2);
  for (let i = 0; i < n; i++) counts[ds.entity[i] + 1]++;
  const present: number[] = [];
  for (let id = 0; id <= maxId; id++) if (counts[id + 1] > 0) present.push(id);
  for (let id = 1; id < counts.length; id++) counts[id] += counts[id - 1];
  const order = new Uint32Array(n);
  const cursor = counts.slice(0, maxId + 1);
  for (let i = 0; i < n; i++) order[cursor[ds.entity[i]]++] = i;
  const ids = Uint32Array.from(present);
  const offsets = new Uint32Array(present.length + 1);
  present.forEach((id, k) => (offsets[k + 1] = counts[id + 1]));
  const t = ds.timeMs;
  for (let k = 0; k < present.length; k++) {
    const from = offsets[k];
    const to = offsets[k + 1];
    let sorted = true;
    for (let i = from + 1; i < to && sorted; i++) sorted = t[order[i - 1]] <= t[order[i]];
    if (!sorted) order.subarray(from, to).sort((a, b) => t[a] - t[b] || a - b);
  }
  return { ids, offsets, order };
}

/** A metric's values in series order. */
export function inSeriesOrder(values: Float32Array | Float64Array, layout: SeriesLayout): Float32Array | Float64Array {
  if (!layout.order) return values;
  const out = new Float64Array(layout.order.length);
  for (let i = 0; i < out.length; i++) out[i] = values[layout.order[i]];
  return out;
}
