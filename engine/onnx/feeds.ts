/**
 * Feed validation for Model.run: every declared input present, no unknown names, storage matching the
 * dtype (Float32Array for float32, Uint16Array of half bits for float16, BigInt64Array for int64, …),
 * dims agreeing with the declared shape (fixed dims equal, one value per symbolic dim across inputs).
 */
import { GpulseError, invalidArgument } from '../errors.js';
import { INT_RANGES, PACKED_BITS, storageCtor, type DType, type TensorData } from './dtype.js';
import { at } from './errors.js';
import type { ValueInfo } from './graph.js';
import { MAX_TENSOR_ELEMENTS, numel, type Tensor } from './tensor.js';

export interface TensorLike {
  data: TensorData;
  dims: readonly number[];
  /** Optional; when given it must equal the input's declared type. */
  type?: DType;
}

export function validateFeeds(inputs: readonly ValueInfo[], feeds: Record<string, TensorLike>, maxElements = MAX_TENSOR_ELEMENTS): Tensor[] {
  if (typeof feeds !== 'object' || feeds === null) throw invalidArgument('feeds must be an object of named tensors');
  const names = new Set(inputs.map((v) => v.name));
  for (const name of Object.keys(feeds)) {
    if (!names.has(name)) throw invalidArgument(`unknown input '${name}' (model inputs: ${[...names].join(', ') || 'none'})`);
  }
  const symbols = new Map<string, { value: number; input: string }>();
  return inputs.map((v) =>
    at(`input '${v.name}'`, () => {
      const feed = feeds[v.name];
      if (!feed) throw invalidArgument('missing');
      return checkFeed(v, feed, symbols, maxElements);
    }),
  );
}

function checkFeed(v: ValueInfo, feed: TensorLike, symbols: Map<string, { value: number; input: string }>, maxElements: number): Tensor {
  if (feed.type !== undefined && feed.type !== v.type) throw invalidArgument(`expected type ${v.type}, got ${feed.type}`);
  const Ctor = storageCtor(v.type);
  if (!(feed.data instanceof Ctor)) {
    throw invalidArgument(`expected ${v.type} data in a ${Ctor.name}, got ${describe(feed.data)}`);
  }
  if (!Array.isArray(feed.dims)) throw invalidArgument('dims must be an array');
  const dims = [...feed.dims];
  const n = numel(dims);
  if (n > maxElements) throw new GpulseError('INPUT_TOO_LARGE', `${n} elements exceed the limit of ${maxElements}`);
  if (n !== feed.data.length) throw invalidArgument(`dims [${dims.join(', ')}] need ${n} values, data has ${feed.data.length}`);
  if (v.dims) {
    if (dims.length !== v.dims.length) throw invalidArgument(`expected rank ${v.dims.length} [${v.dims.join(', ')}], got [${dims.join(', ')}]`);
    v.dims.forEach((d, i) => {
      if (typeof d === 'number' && d !== dims[i]) {
        throw invalidArgument(`dim ${i} must be ${d}, got ${dims[i]} ([${dims.join(', ')}] vs [${v.dims!.join(', ')}])`);
      }
      if (typeof d === 'string') {
        const seen = symbols.get(d);
        if (seen && seen.value !== dims[i]) {
          throw invalidArgument(`dim ${i} ('${d}') is ${dims[i]} but '${d}' is ${seen.value} in input '${seen.input}'`);
        }
        symbols.set(d, { value: dims[i], input: v.name });
      }
    });
  }
  if (PACKED_BITS[v.type]) {
    const [lo, hi] = INT_RANGES[v.type]!;
    for (const x of feed.data as Int8Array) if (x < lo || x > hi) throw invalidArgument(`${v.type} value ${x} is out of range`);
  }
  return { type: v.type, dims, data: feed.data };
}

function describe(data: unknown): string {
  if (data === null || data === undefined) return String(data);
  return (data as object).constructor?.name ?? typeof data;
}
