/**
 * Packing of block-quantized weights (MatMulNBits layout, 4 or 8 bits) for the WASM dequantize-in-register
 * GEMM (wasm/assembly/lib/gemm-q4.ts). Per panel of 8 output columns, per K block: scale[8] f32, zp[8]
 * f32, then codes by pairs of k: 4-bit 8 bytes (low nibble k even, high nibble k odd, byte = column),
 * 8-bit 16 bytes (k even then k odd). Codes stay 4 or 8 bits; only their order changes.
 */
import { blobSizeOf, kBlocksOf, type BlockQuantWeight } from '../../onnx/ops/block-quant.js';
import { PANEL, panelsOf } from './pack-f32.js';

const HEADER = 64;

export function blockBytes(blockSize: number, bits: number): number {
  return HEADER + blockSize * (bits === 4 ? 4 : 8);
}

/** Why this weight cannot use the packed kernel, or undefined. */
export function packQUnsupported(w: BlockQuantWeight): string | undefined {
  if (w.bits !== 4 && w.bits !== 8) return `${w.bits}-bit weights`;
  if (w.blockSize % 2 !== 0) return `odd block size ${w.blockSize}`;
  if (w.zeroPoints?.kind === 'float') {
    for (let i = 0; i < w.zeroPoints.data.length; i++) {
      if (!Number.isInteger(w.zeroPoints.data[i])) return 'non-integer float zero points';
    }
  }
  return undefined;
}

/** code of weight (n, k) and the zero point of its block. */
export function codeReader(w: BlockQuantWeight) {
  const kb = kBlocksOf(w);
  const blob = blobSizeOf(w);
  const perByte = 8 / w.bits;
  const mask = (1 << w.bits) - 1;
  const zpStride = Math.ceil((kb * w.bits) / 8);
  return {
    code: (n: number, k: number) => {
      const b = Math.floor(k / w.blockSize);
      const j = k - b * w.blockSize;
      return (w.codes[(n * kb + b) * blob + Math.floor(j / perByte)] >>> ((j % perByte) * w.bits)) & mask;
    },
    zp: (n: number, b: number) => {
      if (w.zeroPoints?.kind === 'float') return w.zeroPoints.data[n * kb + b];
      if (w.zeroPoints?.kind === 'packed') {
        const byte = w.zeroPoints.data[n * zpStride + Math.floor(b / perByte)];
        return (byte >>> ((b % perByte) * w.bits)) & mask;
      }
      return 1 << (w.bits - 1);
    },
  };
}

export function packQ(w: BlockQuantWeight): Uint8Array {
  const why = packQUnsupported(w);
  if (why) throw new Error(`packQ: ${why}`);
  const kb = kBlocksOf(w);
  const bb = blockBytes(w.blockSize, w.bits);
  const panels = panelsOf(w.N);
  const bytes = new Uint8Array(panels * kb * bb);
  const f32 = new Float32Array(bytes.buffer);
  const r = codeReader(w);
  const pairBytes = w.bits === 4 ? 8 : 16;
  for (let p = 0; p < panels; p++) {
    const cols = Math.min(PANEL, w.N - p * PANEL);
    for (let b = 0; b < kb; b++) {
      const base = (p * kb + b) * bb;
      const kEnd = Math.min(w.K, (b + 1) * w.blockSize);
      for (let c = 0; c < cols; c++) {
        const n = p * PANEL + c;
        f32[base / 4 + c] = w.scales[n * kb + b];
        f32[base / 4 + PANEL + c] = r.zp(n, b);
        for (let k = b * w.blockSize; k < kEnd; k++) {
          const j = k - b * w.blockSize;
          const at = base + HEADER + (j >> 1) * pairBytes;
          if (w.bits === 4) bytes[at + c] |= r.code(n, k) << ((j & 1) * 4);
          else bytes[at + (j & 1) * PANEL + c] = r.code(n, k);
        }
      }
    }
  }
  return bytes;
}
