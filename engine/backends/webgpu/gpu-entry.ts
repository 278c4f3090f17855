/**
 * The runtime's GPU object: `navigator.gpu` in browsers and workers; in Node, Dawn's bindings from the
 * `webgpu` package, loaded on first use. The specifier sits in a variable so bundlers never try to pull the
 * native module into a browser build.
 */
import { isNode } from '../../capabilities.js';

interface DawnModule {
  create(options: string[]): GPU;
  globals: Record<string, unknown>;
}

let nodeGpu: Promise<GPU | null> | undefined;

async function loadDawn(): Promise<GPU | null> {
  const specifier = 'webgpu';
  try {
    const dawn = (await import(/* @vite-ignore */ specifier)) as DawnModule;
    // GPUBufferUsage, GPUMapMode, … are globals in browsers; Dawn hands them over as an object.
    for (const [name, value] of Object.entries(dawn.globals)) {
      if (!(name in globalThis)) (globalThis as Record<string, unknown>)[name] = value;
    }
    return dawn.create([]);
  } catch {
    return null;
  }
}

/** The GPU object, or null when this runtime has no WebGPU at all. One Dawn instance per process. */
export function getGpu(): Promise<GPU | null> {
  const nav = (globalThis as { navigator?: { gpu?: GPU } }).navigator;
  if (nav?.gpu) return Promise.resolve(nav.gpu);
  if (!isNode) return Promise.resolve(null);
  nodeGpu ??= loadDawn();
  return nodeGpu;
}
