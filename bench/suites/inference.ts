/**
 * Quantized inference: the MLP 64 → 256 → 256 → 1 (test/onnx-backends/mlp-models.ts, seeded weights) in
 * fp32, dynamic int8 (q8, as onnxruntime's quantize_dynamic emits), QLinearMatMul and MatMulNBits q4, at
 * batch 1 and 4096 — gpulse wasm / js / webgpu against onnxruntime-web (wasm, 1 thread) and
 * onnxruntime-node (CPU EP, 1 thread) — plus the int8 GEMM 4096×256×256 microbenchmark in GOPS.
 * Every output is checked against gpulse js (the float64 reference).
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runCase, type Contender } from '../harness/contest.js';
import { printGroup, vsGpulseBest, vsRow } from '../harness/table.js';
import type { TimerOptions } from '../harness/timer.js';
import type { Row, Suite, SuiteContext, SuiteReport } from '../harness/types.js';
import { GpuDeviceManager } from '../../engine/backends/webgpu/device.js';
import { buildMlp, mlpInput, type MlpKind } from '../../test/onnx-backends/mlp-models.js';
import { gpulseContender, isApprox, ortPeers, type InferenceInput } from './inference/contenders.js';
import { measureGops, SHAPE, type GopsResult } from './inference/gops.js';
import { targetNotes } from './inference/targets.js';

const KINDS: readonly MlpKind[] = ['fp32', 'q8', 'qlinear', 'q4'];
const RATIOS = [vsGpulseBest, vsRow('onnxruntime-web wasm', '× vs ort-web'), vsRow('onnxruntime-node cpu', '× vs ort-node')];

function timerFor(batch: number): Partial<TimerOptions> {
  return batch === 1 ? { warmup: 20, minRuns: 300, minMs: 300, maxRuns: 3000 } : { warmup: 2, minRuns: 15, minMs: 1500, maxRuns: 80, slowMs: 2000, slowRuns: 2 };
}

function fingerprint(input: InferenceInput): number {
  let s = input.x.length;
  for (let i = 0; i < input.x.length; i += 7) s += input.x[i] * ((i & 1023) + 1);
  return s;
}

/** The GOPS rows: in this process (the build Node validates, SIMD), and relaxed SIMD in a child with the flag. */
async function gopsRows(ctx: SuiteContext): Promise<Row[]> {
  const local = await measureGops();
  let child: GopsResult[] = [];
  const script = fileURLToPath(new URL('./inference/gops.ts', import.meta.url));
  try {
    const stdout = await new Promise<string>((resolve, reject) =>
      execFile(process.execPath, ['--experimental-wasm-relaxed-simd', '--import', 'tsx', script, '--child'], { maxBuffer: 1 << 20 }, (err, out) => (err ? reject(err) : resolve(out))),
    );
    child = (JSON.parse(stdout.trim().split('\n').pop()!) as GopsResult[]).filter((r) => r.variant === 'relaxed');
  } catch (error) {
    ctx.log(`  relaxed-SIMD child failed: ${(error as Error).message.split('\n')[0]}`);
  }
  const size = `${SHAPE.M}×${SHAPE.K}×${SHAPE.N}`;
  return [...local, ...child].map((r) => ({
    group: `GEMM ${size} (${r.kernel.split(' (')[0]})`,
    name: `gpulse wasm ${r.variant}`,
    kind: 'gpulse' as const,
    approx: false,
    countsForBest: true,
    size,
    values: r.ops,
    timing: r.timing,
    check: '—',
    note: `${r.kernel}; ${((r.ops / r.timing.minMs) * 1e-6).toFixed(1)} GOPS at the min, ${((r.ops / r.timing.medianMs) * 1e-6).toFixed(1)} at the median`,
  }));
}

async function run(ctx: SuiteContext): Promise<SuiteReport> {
  const manager = new GpuDeviceManager();
  const caps = await manager.capabilities();
  manager.dispose();
  const gpulse = [gpulseContender('wasm'), gpulseContender('js', { maxBatch: ctx.quick ? 64 : 4096 })];
  if (caps) gpulse.push(gpulseContender('webgpu', { software: caps.software, maxBatch: caps.software ? 4096 : undefined }));
  const contenders: Contender<InferenceInput>[] = [...gpulse, ...ortPeers()];
  const rows: Row[] = [];
  const batches = ctx.quick ? [1, 64] : [1, 4096];
  try {
    for (const kind of KINDS) {
      const bytes = buildMlp(kind);
      for (const batch of batches) {
        const input: InferenceInput = { kind, batch, bytes, x: mlpInput(batch, 1234) };
        const list = contenders.map((c) => (c.kind === 'gpulse' && c.name !== 'gpulse js' ? { ...c, approx: isApprox(kind) } : { ...c, approx: c.kind === 'peer' && isApprox(kind) }));
        const got = await runCase(
          { group: `MLP ${kind} batch ${batch}`, size: `${batch} rows`, values: batch, input, timer: timerFor(batch), reference: ['gpulse js'], fingerprint },
          list,
          ctx.log,
        );
        printGroup(`MLP 64-256-256-1 · ${kind} · batch ${batch} (M values/s = M rows/s)`, got, RATIOS);
        rows.push(...got);
      }
    }
    const gops = await gopsRows(ctx);
    for (const g of new Set(gops.map((r) => r.group))) printGroup(`${g} (M values/s = M ops/s)`, gops.filter((r) => r.group === g), [vsGpulseBest]);
    rows.push(...gops);
  } finally {
    gpulse.forEach((g) => g.dispose());
  }
  const adapter = caps ? `${caps.vendor} ${caps.architecture} ${caps.description}${caps.software ? ' (software)' : ''}` : null;
  return { rows, notes: [...notes(), ...targetNotes(rows)], webgpuAdapter: adapter };
}

function notes(): string[] {
  return [
    'Model: MLP 64 → 256 → 256 → 1 with ReLU, seeded He-normal weights (test/onnx-backends/mlp-models.ts), input seeded standard normal; built with onnx-proto. fp32: MatMul + Add + Relu. q8: DynamicQuantizeLinear → MatMulInteger (int8 weights, per-tensor symmetric) → Cast → Mul(x_scale·w_scale) → Add → Relu, the graph onnxruntime quantize_dynamic emits. qlinear: QuantizeLinear → QLinearMatMul → DequantizeLinear → Add → Relu with calibrated static scales. q4: com.microsoft MatMulNBits, 4-bit, block 32, symmetric, bias input, accuracy_level 4.',
    'Timing: wall clock per model.run / session.run with the input already in memory; batch 1 ≥ 300 runs, batch 4096 ≥ 15 runs and 1.5 s (2 runs for multi-second contenders). Two shared cores: read the min column for capability, the median for typical.',
    'gpulse models are loaded once per backend (packing and planning untimed), as are the onnxruntime sessions. gpulse webgpu runs on a software adapter here (lavapipe): its timings are correctness-only and never count as gpulse best.',
    'check: against gpulse js (float64 accumulation). ✓ = bit-equal; approx = worst relative difference, expected for fp32 (f32 accumulation) and q4 (int8 activations at accuracy_level 4: each runtime quantizes activations its own way).',
    'gpulse wasm runs the q8 chain fused (quantize into the i16 operand + int8 GEMM with a Cast·scale·bias·ReLU epilogue), fp32 and q4 as GEMM + bias + ReLU epilogues; QLinearMatMul runs node by node in WASM.',
    'GEMM microbenchmark: the WASM kernels alone on operands already packed in WASM memory (no copies); the relaxed-SIMD rows come from a child process started with --experimental-wasm-relaxed-simd (Node 20 does not validate relaxed SIMD by default).',
  ];
}

const suite: Suite = { name: 'inference', title: 'Quantized inference: gpulse vs onnxruntime-web and onnxruntime-node', run };
export default suite;
