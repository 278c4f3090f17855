/**
 * The WebGPU device of a model: tensors are storage buffers from the engine's buffer pool (8-bit tensors
 * four values per u32 word, byte order as in host memory), weights are uploaded once at load, and every
 * kernel is one dispatch in its own submission — the queue orders them, so a chain of GPU nodes needs no
 * host round trip. Only downloads (graph outputs, JS nodes) map buffers.
 */
import type { GpuContext } from '../../../backends/webgpu/context.js';
import { checkLive } from '../../../backends/webgpu/errors.js';
import { dispatchDims } from '../../../backends/webgpu/dispatch.js';
import { storageCtor, type DType } from '../../dtype.js';
import { numel, type Tensor } from '../../tensor.js';
import type { Device, DeviceTensor } from '../types.js';
import { byteSizeOf } from '../wasm/wasm-device.js';

export interface GpuTensor extends DeviceTensor {
  readonly buffer: GPUBuffer;
  readonly bytes: number;
  readonly persistent?: boolean;
}

const STORAGE = () => GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST;
const words = (bytes: number): number => Math.max(4, Math.ceil(bytes / 4) * 4);

export class WebgpuDevice implements Device<GpuTensor> {
  readonly name = 'webgpu' as const;
  private readonly owned: GPUBuffer[] = [];
  private dummy: GPUBuffer | undefined;

  constructor(readonly gpu: GpuContext) {}

  get device(): GPUDevice {
    return this.gpu.device;
  }

  alloc(type: DType, dims: readonly number[]): GpuTensor {
    const bytes = byteSizeOf(type, dims);
    return { type, dims: [...dims], bytes, buffer: this.gpu.buffers.acquire(words(bytes), STORAGE(), 'gpulse-onnx') };
  }

  private bytesOf(t: Tensor): Uint8Array {
    const raw = new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength);
    if (raw.byteLength % 4 === 0 && raw.byteLength > 0) return raw;
    const padded = new Uint8Array(words(raw.byteLength));
    padded.set(raw);
    return padded;
  }

  upload(t: Tensor): GpuTensor {
    checkLive(this.gpu);
    const d = this.alloc(t.type, t.dims);
    const bytes = this.bytesOf(t);
    this.device.queue.writeBuffer(d.buffer, 0, bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return d;
  }

  /** A buffer for the model's lifetime (weights, constants), outside the pool. */
  persistData(data: ArrayBufferView, type: DType = 'uint8', dims: number[] = [data.byteLength]): GpuTensor {
    const raw = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    const size = words(raw.byteLength);
    const buffer = this.device.createBuffer({ size, usage: STORAGE(), label: 'gpulse-onnx-weight' });
    const padded = new Uint8Array(size);
    padded.set(raw);
    this.device.queue.writeBuffer(buffer, 0, padded);
    this.owned.push(buffer);
    return { type, dims, bytes: raw.byteLength, buffer, persistent: true };
  }

  persist(t: Tensor): GpuTensor {
    return this.persistData(t.data, t.type, [...t.dims]);
  }

  /** A 4-byte buffer bound where a kernel's optional input is absent. */
  get empty(): GPUBuffer {
    this.dummy ??= this.persistData(new Uint32Array(1)).buffer;
    return this.dummy;
  }

  async download(d: GpuTensor): Promise<Tensor> {
    checkLive(this.gpu);
    const size = words(d.bytes);
    const staging = this.gpu.buffers.acquire(size, GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST, 'gpulse-onnx-read');
    const enc = this.device.createCommandEncoder();
    enc.copyBufferToBuffer(d.buffer, 0, staging, 0, size);
    this.device.queue.submit([enc.finish()]);
    await staging.mapAsync(GPUMapMode.READ, 0, size);
    const Ctor = storageCtor(d.type);
    const n = numel(d.dims);
    const data = new Ctor(n);
    new Uint8Array(data.buffer).set(new Uint8Array(staging.getMappedRange(0, size), 0, n * Ctor.BYTES_PER_ELEMENT));
    staging.unmap();
    this.gpu.buffers.release(staging);
    return { type: d.type, dims: [...d.dims], data };
  }

  free(d: GpuTensor): void {
    if (!d.persistent) this.gpu.buffers.release(d.buffer);
  }

  /** A uniform buffer holding `data` (pooled; returned after the dispatch is queued). */
  uniform(data: ArrayBuffer): GPUBuffer {
    const b = this.gpu.buffers.acquire(words(data.byteLength), GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST, 'gpulse-onnx-uniform');
    this.device.queue.writeBuffer(b, 0, data);
    return b;
  }

  /** A storage buffer with small per-dispatch data (offsets, shapes), pooled like uniform(). */
  small(data: ArrayBufferView): GPUBuffer {
    const b = this.gpu.buffers.acquire(words(data.byteLength), STORAGE(), 'gpulse-onnx-small');
    const bytes = new Uint8Array(words(data.byteLength));
    bytes.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    this.device.queue.writeBuffer(b, 0, bytes);
    return b;
  }

  /** One dispatch: bind buffers 0…n in order, run `groups` workgroups (x, y, z), return the temporaries. */
  dispatch(pipeline: GPUComputePipeline, buffers: GPUBuffer[], groups: [number, number, number], temporaries: GPUBuffer[] = []): void {
    checkLive(this.gpu);
    const bind = this.device.createBindGroup({
      layout: pipeline.getBindGroupLayout(0),
      entries: buffers.map((buffer, binding) => ({ binding, resource: { buffer } })),
    });
    const enc = this.device.createCommandEncoder();
    const pass = enc.beginComputePass();
    pass.setPipeline(pipeline);
    pass.setBindGroup(0, bind);
    if (groups[0] > 0 && groups[1] > 0 && groups[2] > 0) pass.dispatchWorkgroups(...groups);
    pass.end();
    this.device.queue.submit([enc.finish()]);
    for (const t of temporaries) this.gpu.buffers.release(t);
  }

  /** A 1-D grid of `groups` workgroups, folded into 2-D past the per-dimension limit. */
  grid(groups: number): [number, number, number] {
    const [x, y] = dispatchDims(groups, this.gpu.caps.limits.maxComputeWorkgroupsPerDimension);
    return [x, y, 1];
  }

  beginRun(): void {}

  endRun(): void {}

  dispose(): void {
    for (const b of this.owned) b.destroy();
    this.owned.length = 0;
  }
}
