/**
 * Every GEMM kernel on every backend against its JS reference under the contract's tolerance: fixed edge
 * cases, then fast-check random shapes (odd M, K, N; K not a multiple of 4/8/16/32; per-tensor, per-row and
 * per-column zero points; u8 and i8 operands; 4- and 8-bit weights with packed, float and default zero points).
 */
import fc from 'fast-check';
import { expect, it } from 'vitest';
import type { BlockQuantWeight } from '../../engine/onnx/ops/block-quant.js';
import type { BackendName } from '../../engine/types.js';
import { rng } from '../support/seeded.js';
import { checkKernel, describeBackends } from './backends.js';

function floats(n: number, seed: number, scale = 1): Float32Array {
  const r = rng(seed);
  return Float32Array.from({ length: n }, () => scale * (2 * r() - 1));
}

function bytes(n: number, seed: number, signed: boolean): Uint8Array | Int8Array {
  const r = rng(seed);
  const v = Array.from({ length: n }, () => Math.floor(r() * 256) - (signed ? 128 : 0));
  return signed ? Int8Array.from(v) : Uint8Array.from(v);
}

function weight(N: number, K: number, bits: 4 | 8, blockSize: number, zp: 'none' | 'packed' | 'float', seed: number): BlockQuantWeight {
  const kb = Math.ceil(K / blockSize);
  const blob = (blockSize * bits) / 8;
  const r = rng(seed);
  const codes = Uint8Array.from({ length: N * kb * blob }, () => Math.floor(r() * 256));
  const scales = Float32Array.from({ length: N * kb }, () => 0.01 + 0.1 * r());
  const zpStride = Math.ceil((kb * bits) / 8);
  const w: BlockQuantWeight = { N, K, bits, blockSize, codes, scales };
  if (zp === 'packed') w.zeroPoints = { kind: 'packed', data: Uint8Array.from({ length: N * zpStride }, () => Math.floor(r() * 256)) };
  if (zp === 'float') w.zeroPoints = { kind: 'float', data: Float32Array.from({ length: N * kb }, () => Math.floor(r() * (1 << bits))) };
  return w;
}

const dims = fc.record({ M: fc.integer({ min: 1, max: 19 }), K: fc.integer({ min: 1, max: 70 }), N: fc.integer({ min: 1, max: 37 }), seed: fc.integer() });
const runs = (b: BackendName) => (b === 'webgpu' ? 12 : 60);

describeBackends('gemmF32', 'gemmF32', (backend) => {
  it.each([
    [1, 1, 1],
    [4, 8, 8],
    [3, 5, 7],
    [1, 256, 256],
    [33, 65, 9],
    [64, 64, 64],
  ])('M=%i K=%i N=%i with bias and relu', async (M, K, N) => {
    const args = { M, K, N, a: floats(M * K, M), b: floats(K * N, K), bias: floats(N, N), relu: true };
    expect(await checkKernel('gemmF32', backend, args)).toBeNull();
  });
  it('random shapes', async () => {
    await fc.assert(
      fc.asyncProperty(dims, fc.boolean(), async ({ M, K, N, seed }, bias) => {
        const args = { M, K, N, a: floats(M * K, seed), b: floats(K * N, seed + 1, 3), bias: bias ? floats(N, seed + 2) : undefined };
        expect(await checkKernel('gemmF32', backend, args)).toBeNull();
      }),
      { numRuns: runs(backend), seed: 4242 },
    );
  });
});

describeBackends('gemmInt8', 'gemmInt8', (backend) => {
  it('u8 × i8 with per-tensor zero points, the dynamic-quantization case', async () => {
    const args = { M: 5, K: 37, N: 11, a: bytes(5 * 37, 1, false), b: bytes(37 * 11, 2, true), aZp: 131, bZp: 0 };
    expect(await checkKernel('gemmInt8', backend, args)).toBeNull();
  });
  it('extreme values: all 255 × all −128 with zero points 0, K = 1000', async () => {
    const args = { M: 2, K: 1000, N: 3, a: new Uint8Array(2000).fill(255), b: new Int8Array(3000).fill(-128), aZp: 0, bZp: 0 };
    expect(await checkKernel('gemmInt8', backend, args)).toBeNull();
  });
  it('random shapes, signedness and zero points (per tensor, per row of A, per column of B)', async () => {
    const arb = fc.record({ d: dims, aSigned: fc.boolean(), bSigned: fc.boolean(), rowZp: fc.boolean(), colZp: fc.boolean() });
    await fc.assert(
      fc.asyncProperty(arb, async ({ d: { M, K, N, seed }, aSigned, bSigned, rowZp, colZp }) => {
        const r = rng(seed);
        const zp = (signed: boolean) => Math.floor(r() * 256) - (signed ? 128 : 0);
        const args = {
          M, K, N,
          a: bytes(M * K, seed, aSigned),
          b: bytes(K * N, seed + 1, bSigned),
          aZp: rowZp ? Int32Array.from({ length: M }, () => zp(aSigned)) : zp(aSigned),
          bZp: colZp ? Int32Array.from({ length: N }, () => zp(bSigned)) : zp(bSigned),
        };
        expect(await checkKernel('gemmInt8', backend, args)).toBeNull();
      }),
      { numRuns: runs(backend), seed: 777 },
    );
  });
});

describeBackends('gemmBlockQuant', 'gemmBlockQuant', (backend) => {
  it.each([
    [4, 32, 'none'],
    [4, 16, 'packed'],
    [8, 32, 'float'],
    [8, 64, 'packed'],
  ] as const)('%i-bit, block %i, %s zero points, K not a multiple of the block', async (bits, blockSize, zp) => {
    const K = blockSize * 2 + 7;
    const args = { M: 5, a: floats(5 * K, 3), w: weight(13, K, bits, blockSize, zp, 9), bias: floats(13, 4) };
    expect(await checkKernel('gemmBlockQuant', backend, args)).toBeNull();
  });
  it('random shapes', async () => {
    const arb = fc.record({ d: dims, bits: fc.constantFrom(4 as const, 8 as const), block: fc.constantFrom(16, 32, 64, 128), zp: fc.constantFrom('none' as const, 'packed' as const, 'float' as const) });
    await fc.assert(
      fc.asyncProperty(arb, async ({ d: { M, K, N, seed }, bits, block, zp }) => {
        const args = { M, a: floats(M * K, seed), w: weight(N, K, bits, block, zp, seed + 5) };
        expect(await checkKernel('gemmBlockQuant', backend, args)).toBeNull();
      }),
      { numRuns: runs(backend), seed: 99 },
    );
  });
});

describeBackends('gemmQ4Int8', 'gemmQ4Int8', (backend) => {
  it('random shapes: int8 activations per block, 4-bit weights, default or packed zero points', async () => {
    const arb = fc.record({ d: dims, block: fc.constantFrom(16, 32, 64), zp: fc.constantFrom('none' as const, 'packed' as const), bias: fc.boolean() });
    await fc.assert(
      fc.asyncProperty(arb, async ({ d: { M, K, N, seed }, block, zp, bias }) => {
        const args = { M, a: floats(M * K, seed, 4), w: weight(N, K, 4, block, zp, seed + 3), bias: bias ? floats(N, seed) : undefined };
        expect(await checkKernel('gemmQ4Int8', backend, args)).toBeNull();
      }),
      { numRuns: runs(backend), seed: 31337 },
    );
  });
  it('an all-zero row quantizes to scale 0 and contributes nothing', async () => {
    const a = floats(3 * 40, 8);
    a.fill(0, 40, 80);
    expect(await checkKernel('gemmQ4Int8', backend, { M: 3, a, w: weight(9, 40, 4, 32, 'none', 2) })).toBeNull();
  });
});

describeBackends('dynamicQuantize', 'dynamicQuantize', (backend) => {
  it.each([
    ['mixed signs', floats(1001, 5, 3)],
    ['all positive (zero point 0)', Float32Array.from(floats(64, 6), Math.abs)],
    ['all negative (zero point 255)', Float32Array.from(floats(64, 7), (v) => -Math.abs(v) - 0.1)],
    ['all zero (scale 1)', new Float32Array(17)],
    ['one value', Float32Array.of(-2.5)],
  ])('%s', async (_name, x) => {
    expect(await checkKernel('dynamicQuantize', backend, { x })).toBeNull();
  });
  it('random data', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 3000 }), fc.integer(), fc.double({ min: 0.001, max: 1000, noNaN: true }), async (n, seed, scale) => {
        expect(await checkKernel('dynamicQuantize', backend, { x: floats(n, seed, scale) })).toBeNull();
      }),
      { numRuns: runs(backend), seed: 5 },
    );
  });
});
