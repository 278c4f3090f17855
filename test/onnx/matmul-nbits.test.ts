/**
 * com.microsoft MatMulNBits against onnxruntime's CPU kernel over random bits, block sizes, K (including K
 * not a multiple of the block), packed zero points, bias, 3-D A and float16.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toFloat16Bits } from '../../engine/onnx/float16.js';
import { packBits } from '../../engine/onnx/pack.js';
import { seededNormal } from '../../engine/onnx/probe.js';
import { fromNumbers, makeTensor } from '../../engine/onnx/tensor.js';
import { diffWithOrt } from './ort-oracle.js';
import { model, nextSeed, ours, randn, seededInts } from './single-node.js';

/** Packs random codes into MatMulNBits layout. */
function nbitsWeight(N: number, K: number, bits: number, block: number) {
  const kBlocks = Math.ceil(K / block);
  const blob = (block * bits) / 8;
  const max = (1 << bits) - 1;
  const codes: number[] = [];
  for (let n = 0; n < N; n++) {
    for (let b = 0; b < kBlocks; b++) {
      const vals = seededInts(block, max).map((v, j) => (b * block + j < K ? v : 0));
      codes.push(...packBits(vals, bits));
    }
  }
  const zps: number[] = [];
  const zpBytes = Math.ceil((kBlocks * bits) / 8);
  for (let n = 0; n < N; n++) zps.push(...packBits(seededInts(kBlocks, max), bits).slice(0, zpBytes));
  return {
    B: makeTensor('uint8', [N, kBlocks, blob], Uint8Array.from(codes)),
    zp: makeTensor('uint8', [N, zpBytes], Uint8Array.from(zps)),
    kBlocks,
  };
}

describe('com.microsoft MatMulNBits', () => {
  it('matches onnxruntime over bits, block sizes, K, zero points, bias and 3-D A', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(4, 8),
        fc.constantFrom(16, 32, 64, 128),
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 4 }),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        async (bits, block, K, N, M, withZp, withBias, rank3) => {
          const { B, zp, kBlocks } = nbitsWeight(N, K, bits, block);
          const scales = fromNumbers('float32', [N, kBlocks], Array.from(seededNormal(N * kBlocks, nextSeed()), (v) => 0.01 + Math.abs(v) * 0.05));
          const A = randn(rank3 ? [2, M, K] : [M, K]);
          const m = model(
            'MatMulNBits',
            [['A', A], ['B', B], ['scales', scales], ['zp', withZp ? zp : undefined], ['gidx', undefined], ['bias', withBias ? randn([N]) : undefined]],
            'float32',
            { K, N, bits, block_size: block, accuracy_level: 0 },
            21,
            'com.microsoft',
          );
          expect(await diffWithOrt(m.bytes, m.feeds, { abs: 1e-4, rel: 1e-4 })).toBeNull();
        },
      ),
      { numRuns: 40 },
    );
  });

  it('takes float16 A and scales (output float16) and accepts accuracy_level 4', async () => {
    const [N, K, block] = [6, 80, 32];
    const { B, zp, kBlocks } = nbitsWeight(N, K, 4, block);
    const scales = fromNumbers('float16', [N, kBlocks], Array.from({ length: N * kBlocks }, (_, i) => 0.01 * (1 + (i % 5))));
    const A = randn([3, K], 1, 'float16');
    const m = model('MatMulNBits', [['A', A], ['B', B], ['scales', scales], ['zp', zp]], 'float16', { K, N, bits: 4, block_size: block, accuracy_level: 4 }, 21, 'com.microsoft');
    expect(await diffWithOrt(m.bytes, m.feeds, { abs: 2e-2, rel: 2e-2 })).toBeNull();
    // float32 A with float16 scales is accepted too (scales widened).
    const m32 = model('MatMulNBits', [['A', randn([2, K])], ['B', B], ['scales', scales]], 'float32', { K, N, bits: 4, block_size: block }, 21, 'com.microsoft');
    const y = await ours(m32);
    expect(y.dims).toEqual([2, N]);
    expect(toFloat16Bits(0.01)).toBe((scales.data as Uint16Array)[0]);
  });

  it('takes float zero points (unpacked, same type as A)', async () => {
    const [N, K, block] = [5, 70, 16];
    const { B, kBlocks } = nbitsWeight(N, K, 4, block);
    const scales = fromNumbers('float32', [N, kBlocks], seededInts(N * kBlocks, 20).map((v) => 0.01 + v / 500));
    const zp = fromNumbers('float32', [N, kBlocks], seededInts(N * kBlocks, 150).map((v) => v / 10));
    const m = model('MatMulNBits', [['A', randn([3, K])], ['B', B], ['scales', scales], ['zp', zp]], 'float32', { K, N, bits: 4, block_size: block }, 21, 'com.microsoft');
    expect(await diffWithOrt(m.bytes, m.feeds, { abs: 1e-4, rel: 1e-4 })).toBeNull();
  });
});
