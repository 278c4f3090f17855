/** Merges a backend planner's report into the model summary: backend per node, fused chains, fallbacks. */
import type { ModelSummary } from '../summary.js';
import type { BackendReport } from './types.js';

export function withBackend(summary: ModelSummary, report: BackendReport): ModelSummary {
  const byLabel = new Map(report.nodes.map((n) => [n.label, n]));
  const fallbacks = report.nodes.filter((n) => n.backend === 'js' && report.backend !== 'js');
  const notes = [...report.notes];
  if (fallbacks.length) notes.push(`${fallbacks.length} node(s) fall back to the JS reference: ${fallbacks.map((n) => `${n.label} (${n.reason})`).join('; ')}`);
  return {
    ...summary,
    nodes: summary.nodes.map((n) => {
      const r = byLabel.get(n.label);
      return r ? { ...n, backend: r.backend, ...(r.fusedInto ? { fusedInto: r.fusedInto } : {}), ...(r.reason ? { reason: r.reason } : {}) } : n;
    }),
    execution: { backend: report.backend, ...(report.device ? { device: report.device } : {}), notes },
  };
}
