/**
 * Plans a model for WebGPU: every node with a GPU kernel (f32 MatMul/Gemm, MatMulInteger, MatMulNBits /
 * QuantizedMatMul, DynamicQuantizeLinear, f32 element-wise ops, Relu, Sigmoid, Cast int32 → f32) runs on
 * the GPU with its inputs and outputs resident in GPU buffers; any other node runs on the JS reference,
 * its inputs read back and its outputs uploaded again — each such node is listed with its reason.
 */
import type { GpuContext } from '../../../backends/webgpu/context.js';
import type { Plan } from '../../plan.js';
import { Executor, jsStep } from '../executor.js';
import { GraphIndex, opKey } from '../graph-index.js';
import type { BackendReport, CompiledStep } from '../types.js';
import { compileGpuEltwise } from './gpu-eltwise.js';
import { WebgpuDevice, type GpuTensor } from './gpu-device.js';
import { compileGpuBlockQuant } from './gpu-block-quant.js';
import { compileGpuMatMul } from './gpu-matmul.js';
import { compileGpuMatMulInteger } from './gpu-matmul-integer.js';
import type { GpuContextLike } from './gpu-step.js';
import { hasPackedDot, PACKED_DOT } from './gpu-pipelines.js';

const COMPILERS = [compileGpuMatMul, compileGpuMatMulInteger, compileGpuBlockQuant, compileGpuEltwise];

export async function compileWebgpu(plan: Plan, gpu: GpuContext): Promise<{ executor: Executor<GpuTensor>; report: BackendReport }> {
  const dev = new WebgpuDevice(gpu);
  const packedDot = await hasPackedDot();
  const ctx: GpuContextLike = { ix: new GraphIndex(plan), dev, packedDot };
  const caps = gpu.caps;
  const report: BackendReport = {
    backend: 'webgpu',
    device: `${caps.vendor} ${caps.architecture} ${caps.description}`.trim() + (caps.software ? ' (software adapter: correctness only)' : ''),
    nodes: [],
    notes: [],
  };
  if (plan.steps.some((s) => s.node.op.opType === 'MatMulInteger')) {
    report.notes.push(`int8 GEMM: ${packedDot ? `dot4I8Packed / dot4U8Packed (${PACKED_DOT})` : `unpacked fallback (no ${PACKED_DOT})`}`);
  }
  const steps: CompiledStep<GpuTensor>[] = [];
  let moves = 0;
  for (const st of plan.steps) {
    let step: CompiledStep<GpuTensor> | string | undefined;
    for (const c of COMPILERS) if (step === undefined) step = c(ctx, st.node);
    if (typeof step === 'object') {
      steps.push(step);
      report.nodes.push({ label: st.node.label, backend: 'webgpu' });
    } else {
      steps.push(jsStep(st.node, st.inputs, st.outputs));
      report.nodes.push({ label: st.node.label, backend: 'js', reason: step ?? `no WebGPU kernel for ${opKey(st.node)}` });
      moves++;
    }
  }
  if (moves === 0) report.notes.push('whole graph on the GPU: only the inputs are uploaded and the outputs read back');
  const executor = new Executor<GpuTensor>(plan, steps, dev, (t) => dev.persist(t));
  return { executor, report };
}
