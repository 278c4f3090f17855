/** Per-stage telemetry in the Prometheus text exposition format (for a node_exporter textfile collector). */
import type { StageRecord } from './telemetry.js';

const escape = (v: string) => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

export function prometheusText(stages: StageRecord[], totalMs: number, computeMs: number): string {
  const metric = (name: string, help: string, type: string, value: (s: StageRecord) => number) => [
    `# HELP ${name} ${help}`,
    `# TYPE ${name} ${type}`,
    ...stages.map((s) => `${name}{stage="${escape(s.stage)}",backend="${escape(s.backend)}"} ${value(s)}`),
  ];
  return [
    ...metric('gpulse_batch_stage_seconds', 'Wall-clock time of a batch stage.', 'gauge', (s) => s.ms / 1000),
    ...metric('gpulse_batch_stage_rows', 'Rows a batch stage processed.', 'gauge', (s) => s.rows),
    ...metric('gpulse_batch_stage_bytes', 'Bytes a batch stage read, processed or wrote.', 'gauge', (s) => s.bytes),
    '# HELP gpulse_batch_seconds Wall-clock time of all stages.',
    '# TYPE gpulse_batch_seconds gauge',
    `gpulse_batch_seconds ${totalMs / 1000}`,
    '# HELP gpulse_batch_compute_seconds Wall-clock time of the compute stages (no file I/O, data generation or model load).',
    '# TYPE gpulse_batch_compute_seconds gauge',
    `gpulse_batch_compute_seconds ${computeMs / 1000}`,
    '',
  ].join('\n');
}
