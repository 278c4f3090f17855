/** The host's copy of the WASM module's scratch layout (radix-wasm-layout.ts) matches what the module exports. */
import { expect, it } from 'vitest';
import { FRAME_BYTES_PER_RANK, MAX_LEVELS, SCRATCH_FRAMES, SCRATCH_MARK } from '../../engine/kernels/percentile/radix-wasm-layout.js';
import { percentileModule } from './radix-helpers.js';

it('scratch layout constants agree with wasm/assembly/lib/radix-select.ts', async () => {
  const e = (await percentileModule()).exports as unknown as Record<string, WebAssembly.Global>;
  expect(Number(e.SCRATCH_MARK.value)).toBe(SCRATCH_MARK);
  expect(Number(e.SCRATCH_FRAMES.value)).toBe(SCRATCH_FRAMES);
  expect(Number(e.FRAME_BYTES_PER_RANK.value)).toBe(FRAME_BYTES_PER_RANK);
  expect(Number(e.MAX_LEVELS.value)).toBe(MAX_LEVELS);
});
