/**
 * Compute pipelines cached per device, keyed by kernel name + compile-time hint (workgroup size, key width,
 * …). Shapes and sizes go in buffers bound at dispatch, never in the key, so one pipeline serves every input
 * size. The source builder runs only on a miss.
 */
const caches = new WeakMap<GPUDevice, Map<string, GPUComputePipeline>>();

export class PipelineCache {
  /** Lookups answered from the cache / pipelines built; for tests and telemetry. */
  hits = 0;
  misses = 0;

  constructor(readonly device: GPUDevice) {}

  private get map(): Map<string, GPUComputePipeline> {
    let m = caches.get(this.device);
    if (!m) caches.set(this.device, (m = new Map()));
    return m;
  }

  get size(): number {
    return this.map.size;
  }

  /** The pipeline for `key`; `source()` builds its WGSL on a miss. */
  get(key: string, source: () => string, entryPoint = 'main', constants?: Record<string, number>): GPUComputePipeline {
    const fullKey = `${key}#${entryPoint}`;
    let p = this.map.get(fullKey);
    if (p) {
      this.hits++;
      return p;
    }
    this.misses++;
    const module = this.device.createShaderModule({ label: key, code: source() });
    p = this.device.createComputePipeline({
      label: fullKey,
      layout: 'auto',
      compute: { module, entryPoint, ...(constants ? { constants } : {}) },
    });
    this.map.set(fullKey, p);
    return p;
  }
}
