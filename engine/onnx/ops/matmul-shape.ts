/** numpy.matmul shape rules shared by MatMul, MatMulInteger and QLinearMatMul. */
import { invalidArgument } from '../../errors.js';
import { broadcastDims, broadcastIndex } from './broadcast.js';

export interface MatMulShape {
  M: number;
  N: number;
  K: number;
  outDims: number[];
  /** Per output batch: the batch index of A and of B (after batch broadcasting). */
  aBatch: Int32Array;
  bBatch: Int32Array;
}

export function matmulShape(aDims: readonly number[], bDims: readonly number[]): MatMulShape {
  if (aDims.length === 0 || bDims.length === 0) throw invalidArgument('MatMul inputs must have rank ≥ 1');
  // 1-D operands are promoted to matrices ([K] -> [1, K] for A, [K, 1] for B) and the axis dropped after.
  const a = aDims.length === 1 ? [1, aDims[0]] : [...aDims];
  const b = bDims.length === 1 ? [bDims[0], 1] : [...bDims];
  const M = a[a.length - 2];
  const K = a[a.length - 1];
  const N = b[b.length - 1];
  if (b[b.length - 2] !== K) {
    throw invalidArgument(`MatMul inner dimensions differ: [${aDims.join(', ')}] × [${bDims.join(', ')}]`);
  }
  const aBatchDims = a.slice(0, -2);
  const bBatchDims = b.slice(0, -2);
  const batchDims = broadcastDims(aBatchDims, bBatchDims);
  const outDims = [...batchDims];
  if (aDims.length > 1) outDims.push(M);
  if (bDims.length > 1) outDims.push(N);
  return {
    M,
    N,
    K,
    outDims,
    aBatch: broadcastIndex(batchDims, aBatchDims),
    bBatch: broadcastIndex(batchDims, bBatchDims),
  };
}
