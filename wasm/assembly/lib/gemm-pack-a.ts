// A operand layout shared by the GEMM kernels: rows in blocks of 4, interleaved per k step —
//   f32: block b holds, for each k, rows 4b … 4b+3 (16 bytes per k);
//   i16: for each pair of k, rows 4b … 4b+3 as (k even, k odd) pairs (16 bytes per pair).
// One pointer then walks a block with constant offsets (row r at +4r), so the inner loops spend no
// instructions on row addresses. M is padded to a multiple of 4 with zero rows (computed, never stored).

/** Bytes of a packed A with M rows and `steps` k steps (f32: K, i16: K pairs). */
export function packedBytes(M: i32, steps: i32): usize {
  return <usize>((M + 3) >> 2) * (<usize>steps << 4);
}

/** f32 rows (stride lda bytes) → blocks of 4 rows. */
export function packRowsF32(src: usize, lda: usize, M: i32, K: i32, dst: usize): void {
  const blockBytes = <usize>K << 4;
  for (let b = 0; b < M; b += 4) {
    const d = dst + <usize>(b >> 2) * blockBytes;
    const r0 = src + <usize>b * lda;
    if (b + 4 <= M) {
      const r1 = r0 + lda, r2 = r1 + lda, r3 = r2 + lda;
      let k = 0;
      for (; k + 4 <= K; k += 4) {
        // 4×4 transpose: four k of four rows.
        const o = <usize>k << 2;
        const x0 = v128.load(r0 + o), x1 = v128.load(r1 + o), x2 = v128.load(r2 + o), x3 = v128.load(r3 + o);
        const t0 = i32x4.shuffle(x0, x1, 0, 4, 1, 5), t1 = i32x4.shuffle(x0, x1, 2, 6, 3, 7);
        const t2 = i32x4.shuffle(x2, x3, 0, 4, 1, 5), t3 = i32x4.shuffle(x2, x3, 2, 6, 3, 7);
        const p = d + (<usize>k << 4);
        v128.store(p, i32x4.shuffle(t0, t2, 0, 1, 4, 5));
        v128.store(p, i32x4.shuffle(t0, t2, 2, 3, 6, 7), 16);
        v128.store(p, i32x4.shuffle(t1, t3, 0, 1, 4, 5), 32);
        v128.store(p, i32x4.shuffle(t1, t3, 2, 3, 6, 7), 48);
      }
      for (; k < K; k++) {
        const o = <usize>k << 2;
        const p = d + (<usize>k << 4);
        store<f32>(p, load<f32>(r0 + o));
        store<f32>(p, load<f32>(r1 + o), 4);
        store<f32>(p, load<f32>(r2 + o), 8);
        store<f32>(p, load<f32>(r3 + o), 12);
      }
    } else {
      for (let k = 0; k < K; k++) {
        const p = d + (<usize>k << 4);
        for (let r = 0; r < 4; r++) store<f32>(p + (<usize>r << 2), b + r < M ? load<f32>(src + <usize>(b + r) * lda + (<usize>k << 2)) : 0);
      }
    }
  }
}

/** Where the i16 pair (k, k+1) of row r lives in a packed i16 A with Kp pairs. */
@inline export function i16PairAt(base: usize, Kp: i32, r: i32, kp: i32): usize {
  return base + <usize>(r >> 2) * (<usize>Kp << 4) + (<usize>kp << 4) + (<usize>(r & 3) << 2);
}

/** Stores the four i16 pairs of v (8 consecutive k of one row) at their packed-A slots, 16 bytes apart. */
@inline export function storePairs(p: usize, v: v128): void {
  v128.store32_lane(p, v, 0);
  v128.store32_lane(p, v, 1, 16);
  v128.store32_lane(p, v, 2, 32);
  v128.store32_lane(p, v, 3, 48);
}
