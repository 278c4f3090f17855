/**
 * The WGSL pipelines of the GPU percentile kernels. A shader is a prelude of compile-time constants plus
 * files from shaders/percentile/ (embedded by scripts/embed-assets.mjs); the pipeline key names exactly
 * those constants, so sizes never create pipelines: they travel in the bound work lists.
 */
import { WGSL } from '../../generated/shaders.js';
import type { GpuContext } from '../../backends/webgpu/context.js';

/** Invocations per workgroup: the 256 every adapter allows. */
export const WG = 256;
/** Elements per invocation: a tile of 2048 amortizes a workgroup's histogram flush. */
export const ITEMS = 8;
export const TILE = WG * ITEMS;
/** Widest histogram digit: 2048 bins = 8 KiB of workgroup memory, half of the 16 KiB SwiftShader allows. */
export const MAX_BITS = 11;
/** Targets one compaction tile serves (workgroup counters); more targets on one piece mean more scans of it. */
export const MAX_SPAN = 64;

export type SelectKernel = 'histogram' | 'compact' | 'scatter';

const PARTS: Record<SelectKernel, string[]> = {
  histogram: ['keys', 'tiles', 'histogram'],
  compact: ['keys', 'tiles', 'store-key', 'compact'],
  scatter: ['keys', 'store-key', 'scatter'],
};

/** `raw`: the source holds IEEE bits (else keys); `wide`: f64, two words per element. */
export function selectPipeline(gpu: GpuContext, kernel: SelectKernel, raw: boolean, wide: boolean): GPUComputePipeline {
  const key = `percentile/${kernel}:raw=${+raw},wide=${+wide}`;
  return gpu.pipelines.get(key, () => {
    const prelude =
      `const WG: u32 = ${WG}u;\nconst ITEMS: u32 = ${ITEMS}u;\nconst MAX_BINS: u32 = ${1 << MAX_BITS}u;\n` +
      `const MAX_SPAN: u32 = ${MAX_SPAN}u;\n` +
      `const RAW: bool = ${raw};\nconst WIDE: bool = ${wide};\n`;
    return prelude + PARTS[kernel].map((p) => WGSL[`percentile/${p}.wgsl`]).join('\n');
  });
}
