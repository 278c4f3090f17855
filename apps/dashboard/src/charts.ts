/** uPlot charts: the entity's percentile bands per time bucket with anomaly markers, and the fleet-wide brush. */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { EntitySeries, Overview } from './worker-api.js';

const nulls = (a: Float64Array): (number | null)[] => Array.from(a, (v) => (Number.isFinite(v) ? v : null));
const secs = (a: Float64Array): number[] => Array.from(a, (t) => t / 1000);

export function drawSeries(el: HTMLElement, s: EntitySeries, prev: uPlot | null): uPlot {
  prev?.destroy();
  const opts: uPlot.Options = {
    width: Math.max(420, el.clientWidth - 2),
    height: 400,
    scales: { x: { time: true } },
    legend: { live: false },
    series: [
      {},
      { label: 'min', stroke: 'rgba(90,110,160,0.5)', width: 1 },
      { label: 'p50', stroke: '#1f4fbf', width: 2 },
      { label: 'p90', stroke: '#e08a00', width: 1 },
      { label: 'p99', stroke: '#c23b22', width: 1 },
      { label: 'max', stroke: 'rgba(194,59,34,0.5)', width: 1 },
      { label: 'anomaly', stroke: '#d00000', fill: '#d00000', width: 0, paths: () => null, points: { show: true, size: 9, stroke: '#d00000', fill: '#ff4040' } },
    ],
    hooks: {
      // Known intervals under the lines: injected truth in red, the model's worst day in violet.
      drawAxes: [
        (u) => {
          const c = u.ctx;
          c.save();
          for (const r of s.regions) {
            const x0 = u.valToPos(r.t0 / 1000, 'x', true);
            const x1 = Math.max(u.valToPos(r.t1 / 1000, 'x', true), x0 + 3);
            c.fillStyle = r.source === 'truth' ? 'rgba(220,0,0,0.10)' : 'rgba(122,79,208,0.14)';
            c.fillRect(x0, u.bbox.top, x1 - x0, u.bbox.height);
            c.fillStyle = r.source === 'truth' ? '#a00000' : '#5a2fb0';
            c.font = `${Math.round(11 * devicePixelRatio)}px system-ui`;
            c.fillText(r.label, x0 + 3, u.bbox.top + (r.source === 'truth' ? 12 : 26) * devicePixelRatio);
          }
          c.restore();
        },
      ],
    },
    bands: [
      { series: [5, 1], fill: 'rgba(90,110,160,0.10)' },
      { series: [4, 3], fill: 'rgba(194,59,34,0.16)' },
      { series: [3, 2], fill: 'rgba(224,138,0,0.20)' },
    ],
  };
  const data: uPlot.AlignedData = [secs(s.times), nulls(s.min), nulls(s.p50), nulls(s.p90), nulls(s.p99), nulls(s.max), nulls(s.anomalies)];
  return new uPlot(opts, data, el);
}

/** The fleet-wide p50 / p99 per bucket; dragging across it selects a time range (ms) for `onRange`. */
export function drawBrush(el: HTMLElement, o: Overview, onRange: (t0: number, t1: number) => void, prev: uPlot | null): uPlot {
  prev?.destroy();
  const opts: uPlot.Options = {
    width: Math.max(600, el.clientWidth - 2),
    height: 120,
    scales: { x: { time: true } },
    legend: { show: false },
    cursor: { drag: { x: true, y: false, setScale: false } },
    series: [{}, { label: 'fleet p50', stroke: '#1f4fbf', width: 1 }, { label: 'fleet p99', stroke: '#c23b22', width: 1, fill: 'rgba(194,59,34,0.08)' }],
    hooks: {
      setSelect: [
        (u) => {
          if (u.select.width < 3) return;
          const a = u.posToVal(u.select.left, 'x') * 1000;
          const b = u.posToVal(u.select.left + u.select.width, 'x') * 1000;
          onRange(a, b);
        },
      ],
    },
  };
  return new uPlot(opts, [secs(o.times), nulls(o.p50), nulls(o.p99)], el);
}
