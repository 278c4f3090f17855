/** Malformed, truncated and mutated model bytes: refused with a GpulseError or run cleanly, never a crash or hang. */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GpulseError } from '../../engine/errors.js';
import { loadModel, loadModelSync } from '../../engine/onnx/model.js';
import { buildModel } from './build-model.js';
import { helloDeepaPath } from './helpers.js';
import { gemmModel, refusal } from './loader-fixtures.js';

describe('malformed bytes', () => {
  const valid = readFileSync(helloDeepaPath);

  it('empty, non-ONNX and truncated bytes are refused', async () => {
    expect((await refusal(new Uint8Array(0))).message).toMatch(/ONNX model/);
    expect((await refusal(new TextEncoder().encode('\x89PNG\r\n\x1a\n not a model'))).code).toBe('INVALID_ARGUMENT');
    await refusal(valid.subarray(0, valid.length >> 1));
    await expect(loadModel('nope' as unknown as Uint8Array)).rejects.toBeInstanceOf(GpulseError);
  });

  /** Loads; if that works, runs once on zeros. Any failure must be a GpulseError. */
  async function survives(bytes: Uint8Array): Promise<void> {
    let model;
    try {
      model = loadModelSync(bytes, { maxTensorElements: 1 << 20 });
    } catch (e) {
      expect(e).toBeInstanceOf(GpulseError);
      return;
    }
    const feeds: Record<string, { data: Float32Array; dims: number[] }> = {};
    for (const io of model.inputs) {
      if (io.type !== 'float32' || !io.dims) return;
      const dims = io.dims.map((d) => (typeof d === 'number' ? d : 1));
      feeds[io.name] = { data: new Float32Array(dims.reduce((p, d) => p * d, 1)), dims };
    }
    await model.run(feeds).catch((e: unknown) => expect(e).toBeInstanceOf(GpulseError));
  }

  it('random bytes never crash the loader', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 512 }), survives), { numRuns: 300 });
  });

  it('bit flips and truncations of a real model never crash the loader or the run', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(valid.length - 1), fc.integer({ min: 0, max: 7 })), { minLength: 1, maxLength: 8 }), fc.nat(valid.length), async (flips, cut) => {
        const bytes = Uint8Array.from(valid.subarray(0, Math.max(cut, valid.length >> 1)));
        for (const [i, bit] of flips) if (i < bytes.length) bytes[i] ^= 1 << bit;
        await survives(bytes);
      }),
      { numRuns: 150 },
    );
  });

  it('mutated small models (every byte position) never crash', async () => {
    const small = buildModel(gemmModel());
    for (let i = 0; i < small.length; i++) {
      for (const v of [0, 0xff, small[i] ^ 0x80]) {
        const bytes = Uint8Array.from(small);
        bytes[i] = v;
        await survives(bytes);
      }
    }
  });
});

