/**
 * What may follow a GEMM inside one fused WASM step: Add of a constant row vector (the bias), then Relu —
 * each only when the GEMM's (or the Add's) result has no other reader and is not a graph output.
 */
import type { GraphNode } from '../../graph.js';
import type { Tensor } from '../../tensor.js';
import { GraphIndex, isRowVector } from '../graph-index.js';

export interface Tail {
  nodes: GraphNode[];
  bias?: Tensor;
  relu: boolean;
  /** The value the fused step finally produces. */
  out: string;
}

export function matchTail(ix: GraphIndex, y: string, N: number | undefined, allowAdd = true): Tail {
  const tail: Tail = { nodes: [], relu: false, out: y };
  let next = ix.soleReader(y);
  if (allowAdd && N !== undefined && next && next.op.opType === 'Add' && next.op.domain === '') {
    const other = next.inputs[0] === y ? next.inputs[1] : next.inputs[0];
    const bias = ix.constant(other);
    if (bias && bias.type === 'float32' && isRowVector(bias, N) && next.inputs[0] !== next.inputs[1]) {
      tail.nodes.push(next);
      tail.bias = bias;
      tail.out = next.outputs[0];
      next = ix.soleReader(tail.out);
    }
  }
  if (next && next.op.opType === 'Relu' && next.op.domain === '') {
    tail.nodes.push(next);
    tail.relu = true;
    tail.out = next.outputs[0];
  }
  return tail;
}
