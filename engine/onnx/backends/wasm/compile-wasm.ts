/**
 * Plans a model for the WASM backend: one instance of the gemm module per model (its memory holds the
 * packed weights), fused steps where a pattern applies, single-node WASM steps where a kernel exists, and
 * the JS reference for every other node (listed with the reason in the report).
 */
import { instantiateWasm } from '../../../backends/wasm/loader.js';
import type { Plan } from '../../plan.js';
import { Executor, jsStep } from '../executor.js';
import { GraphIndex, opKey } from '../graph-index.js';
import type { BackendReport, CompiledStep } from '../types.js';
import { WasmArena } from './arena.js';
import { compileEltwise } from './eltwise-ops.js';
import { fuseBlockQuant, fuseF32, type Fused, type FuseContext } from './fused-steps.js';
import { fuseQ8 } from './fuse-q8.js';
import type { GemmExports } from './gemm-exports.js';
import { compileInt8 } from './int8-ops.js';
import { compileMatMulGeneral } from './matmul-ops.js';
import { WasmDevice, type WasmTensor } from './wasm-device.js';

const FUSERS = [fuseQ8, fuseF32, fuseBlockQuant];
const SINGLES = [compileEltwise, compileInt8, compileMatMulGeneral];

export async function compileWasm(plan: Plan, preferRelaxed = true): Promise<{ executor: Executor<WasmTensor>; report: BackendReport }> {
  const wasm = await instantiateWasm<GemmExports>('gemm', preferRelaxed);
  const arena = new WasmArena(wasm);
  const dev = new WasmDevice(arena);
  const misc = { minMax: arena.persistent(64), part: arena.persistent(128) };
  const ix = new GraphIndex(plan);
  const ctx: FuseContext = { ix, dev, misc };
  const steps: CompiledStep<WasmTensor>[] = [];
  const report: BackendReport = { backend: 'wasm', device: `WebAssembly ${wasm.variant === 'relaxed' ? 'relaxed SIMD' : 'SIMD'}`, nodes: [], notes: [] };
  const claimed = new Set<string>();
  const kernels = new Map<string, number>();
  for (const st of plan.steps) {
    const node = st.node;
    if (claimed.has(node.label)) continue;
    let fused: Fused | undefined;
    for (const f of FUSERS) if (!fused) fused = f(ctx, node);
    if (fused) {
      steps.push(fused.step);
      fused.nodes.forEach((n) => claimed.add(n.label));
      const into = fused.nodes.length > 1 ? fused.nodes.map(opKey).join(' → ') : undefined;
      for (const n of fused.nodes) report.nodes.push({ label: n.label, backend: 'wasm', ...(into ? { fusedInto: into } : {}) });
      kernels.set(fused.kernel, (kernels.get(fused.kernel) ?? 0) + 1);
      continue;
    }
    let single: CompiledStep<WasmTensor> | string | undefined;
    for (const c of SINGLES) if (single === undefined) single = c(ctx, node);
    if (typeof single === 'object') {
      steps.push(single);
      report.nodes.push({ label: node.label, backend: 'wasm' });
    } else {
      steps.push(jsStep(node, st.inputs, st.outputs));
      report.nodes.push({ label: node.label, backend: 'js', reason: single ?? `no WASM kernel for ${opKey(node)}` });
    }
  }
  for (const [k, n] of kernels) report.notes.push(`${n}× ${k}`);
  const executor = new Executor<WasmTensor>(plan, steps, dev, (t) => dev.persist(t));
  report.notes.push(`packed weights and constants: ${arena.persistentBytes} bytes of WASM memory`);
  return { executor, report };
}
