/**
 * Packing of 4-bit block-quantized weights for the WASM int8-activation kernel (wasm/assembly/lib/
 * gemm-q4i8.ts, MatMulNBits accuracy_level 4). Per panel of 8 columns, per K block: sW[8] f32, zp[8] i32,
 * then per pair of k 8 bytes — byte j: low nibble = code(column j>>1, k parity j&1), high nibble =
 * code(column 4 + (j>>1), same k) — so two masks and two widenings give the kernel's i16 B vectors.
 * Codes stay 4-bit (a permutation of MatMulNBits' bytes); K is padded to whole blocks with code = zp.
 */
import { kBlocksOf, type BlockQuantWeight } from '../../onnx/ops/block-quant.js';
import { PANEL, panelsOf } from './pack-f32.js';
import { codeReader } from './pack-q.js';

export function blockBytesQ4I8(blockSize: number): number {
  return 64 + (blockSize / 2) * 8;
}

/** Why the int8-activation kernel cannot take this weight, or undefined. */
export function packQ4I8Unsupported(w: BlockQuantWeight): string | undefined {
  if (w.bits !== 4) return `${w.bits}-bit weights (the int8-activation kernel takes 4-bit)`;
  if (w.blockSize % 8 !== 0) return `block size ${w.blockSize} is not a multiple of 8`;
  if (w.zeroPoints?.kind === 'float') return 'float zero points';
  return undefined;
}

export function packQ4I8(w: BlockQuantWeight): Uint8Array {
  const why = packQ4I8Unsupported(w);
  if (why) throw new Error(`packQ4I8: ${why}`);
  const kb = kBlocksOf(w);
  const bb = blockBytesQ4I8(w.blockSize);
  const panels = panelsOf(w.N);
  const bytes = new Uint8Array(panels * kb * bb);
  const f32 = new Float32Array(bytes.buffer);
  const i32 = new Int32Array(bytes.buffer);
  const r = codeReader(w);
  for (let p = 0; p < panels; p++) {
    for (let b = 0; b < kb; b++) {
      const base = (p * kb + b) * bb;
      for (let c = 0; c < PANEL; c++) {
        const n = p * PANEL + c;
        if (n >= w.N) continue; // padded columns: scale 0, zp 0, codes 0
        f32[base / 4 + c] = w.scales[n * kb + b];
        const zp = r.zp(n, b);
        i32[base / 4 + PANEL + c] = zp;
        for (let j = 0; j < w.blockSize; j++) {
          const k = b * w.blockSize + j;
          // Past K the code is the zero point: (code − zp) = 0 whatever the padded activation.
          const code = k < w.K ? r.code(n, k) : zp;
          const at = base + 64 + (j >> 1) * 8 + (c & 3) * 2 + (j & 1);
          bytes[at] |= code << (c < 4 ? 0 : 4);
        }
      }
    }
  }
  return bytes;
}
