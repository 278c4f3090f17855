/** The constant block-quantized weight of a MatMulNBits or QuantizedMatMul node, as both device planners read it. */
import { attrInt } from '../../attributes.js';
import type { GraphNode } from '../../graph.js';
import { checkBlockQuant, type BlockQuantWeight } from '../../ops/block-quant.js';
import { numericView } from '../../tensor.js';
import type { GraphIndex } from '../graph-index.js';

/** MatMulNBits has zero points at input 3, QuantizedMatMul none; undefined when anything is not a constant. */
export function nbitsWeight(ix: GraphIndex, node: GraphNode, withZp: boolean): BlockQuantWeight | undefined {
  const codes = ix.constant(node.inputs[1]);
  const scales = ix.constant(node.inputs[2]);
  const zpName = withZp ? node.inputs[3] : undefined;
  const zp = zpName ? ix.constant(zpName) : undefined;
  if (!codes || !scales || (zpName && !zp)) return undefined;
  const w: BlockQuantWeight = {
    N: attrInt(node.attrs, 'N', 0),
    K: attrInt(node.attrs, 'K', 0),
    bits: attrInt(node.attrs, 'bits', 4),
    blockSize: attrInt(node.attrs, 'block_size', 0),
    codes: codes.data as Uint8Array,
    scales: Float32Array.from(numericView(scales)),
    zeroPoints: zp ? { kind: zp.type === 'uint8' ? 'packed' : 'float', data: Float32Array.from(numericView(zp)) } : undefined,
  };
  try {
    checkBlockQuant(w);
  } catch {
    return undefined; // the JS step reports the problem when it runs
  }
  return w;
}

