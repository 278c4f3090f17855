/** What this runtime can do: WASM SIMD / relaxed SIMD, worker threads, and (probed lazily) a WebGPU adapter. */
import { pickVariant } from './backends/wasm/loader.js';

export interface GpuCapabilities {
  vendor: string;
  architecture: string;
  description: string;
  /** Software rasterizers (lavapipe, SwiftShader, WARP): correct but never faster than WASM. */
  software: boolean;
  features: string[];
  wgslLanguageFeatures: string[];
  limits: {
    maxStorageBufferBindingSize: number;
    maxBufferSize: number;
    maxComputeWorkgroupsPerDimension: number;
    maxComputeWorkgroupStorageSize: number;
    maxComputeInvocationsPerWorkgroup: number;
    maxStorageBuffersPerShaderStage: number;
  };
}

export interface Capabilities {
  wasmSimd: boolean;
  wasmRelaxedSimd: boolean;
  /** Cores usable by worker threads / Web Workers. */
  hardwareConcurrency: number;
  isNode: boolean;
  webgpu: GpuCapabilities | null;
}

export const isNode = typeof process !== 'undefined' && !!process.versions?.node;

export function hardwareConcurrency(): number {
  if (typeof navigator !== 'undefined' && navigator.hardwareConcurrency) return navigator.hardwareConcurrency;
  // Node 20 has no navigator; getBuiltinModule (Node ≥ 20.16) keeps this file free of node: imports for bundlers.
  const os = isNode ? (process as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule?.('node:os') : undefined;
  return (os as { availableParallelism?: () => number } | undefined)?.availableParallelism?.() ?? 1;
}

export function detectWasm(): { wasmSimd: boolean; wasmRelaxedSimd: boolean } {
  const relaxed = pickVariant('probe', true);
  return { wasmSimd: relaxed !== null, wasmRelaxedSimd: relaxed?.variant === 'relaxed' };
}

const SOFTWARE = /swiftshader|lavapipe|llvmpipe|software|warp|basic render/i;

/** `wgsl`: the GPU object's wgslLanguageFeatures (navigator.gpu in browsers, Dawn's GPU object in Node). */
export function describeAdapter(adapter: GPUAdapter, wgsl?: Iterable<string>): GpuCapabilities {
  const info = adapter.info;
  const l = adapter.limits;
  const text = `${info.vendor} ${info.architecture} ${info.device} ${info.description}`;
  return {
    vendor: info.vendor,
    architecture: info.architecture,
    description: info.description || info.device,
    software: SOFTWARE.test(text) || info.architecture === 'software' || (adapter as { isFallbackAdapter?: boolean }).isFallbackAdapter === true,
    features: [...adapter.features].sort(),
    wgslLanguageFeatures: wgsl ? [...wgsl].sort() : [],
    limits: {
      maxStorageBufferBindingSize: l.maxStorageBufferBindingSize,
      maxBufferSize: l.maxBufferSize,
      maxComputeWorkgroupsPerDimension: l.maxComputeWorkgroupsPerDimension,
      maxComputeWorkgroupStorageSize: l.maxComputeWorkgroupStorageSize,
      maxComputeInvocationsPerWorkgroup: l.maxComputeInvocationsPerWorkgroup,
      maxStorageBuffersPerShaderStage: l.maxStorageBuffersPerShaderStage,
    },
  };
}
