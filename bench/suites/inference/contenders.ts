/**
 * Inference contenders: gpulse on each backend (models loaded once per input, untimed) and the two
 * onnxruntime peers — onnxruntime-web (its WASM build, 1 thread) and onnxruntime-node (native CPU EP,
 * 1 intra-op thread: the native ceiling). Every contender returns the output y as f32.
 */
import * as ortNode from 'onnxruntime-node';
import * as ortWeb from 'onnxruntime-web';
import { loadModel, type Model } from '../../../engine/onnx/model.js';
import type { ModelBackend } from '../../../engine/onnx/backends/types.js';
import type { Contender } from '../../harness/contest.js';
import type { MlpKind } from '../../../test/onnx-backends/mlp-models.js';

export interface InferenceInput {
  kind: MlpKind;
  batch: number;
  bytes: Uint8Array;
  x: Float32Array;
}

/** f32 accumulation (fp32) and onnxruntime's own int8 activation rounding (q4) differ from the float64 reference in the last bits. */
const approxKinds = new Set<MlpKind>(['fp32', 'q4']);

export function gpulseContender(backend: ModelBackend, opts: { software?: boolean; maxBatch?: number } = {}): Contender<InferenceInput> & { dispose(): void } {
  const models = new Map<Uint8Array, Model>();
  let current: Model | undefined;
  return {
    name: `gpulse ${backend}`,
    kind: 'gpulse',
    countsForBest: !opts.software,
    note: opts.software ? 'software adapter (lavapipe): correctness only' : undefined,
    skip: (input) => (opts.maxBatch !== undefined && input.batch > opts.maxBatch ? `batch > ${opts.maxBatch} on this backend` : undefined),
    async prepare(input) {
      current = models.get(input.bytes);
      if (!current) models.set(input.bytes, (current = await loadModel(input.bytes, { backend, probe: false })));
    },
    async run(input) {
      const out = await current!.run({ x: { data: input.x, dims: [input.batch, 64] } });
      return out.y.data as Float32Array;
    },
    describe: () => {
      const s = current?.summary();
      const onDevice = s ? s.nodes.filter((n) => n.backend === backend).length : 0;
      return backend === 'js' || !s ? undefined : `${onDevice}/${s.nodes.length} nodes on ${backend}${s.execution?.device ? ` (${s.execution.device})` : ''}`;
    },
    dispose: () => models.forEach((m) => m.dispose()),
  };
}

type OrtLike = typeof ortNode | typeof ortWeb;

function ortContender(name: string, ort: OrtLike, options: Record<string, unknown>, note: string): Contender<InferenceInput> {
  const sessions = new Map<Uint8Array, Promise<ortNode.InferenceSession | ortWeb.InferenceSession>>();
  let session: ortNode.InferenceSession | ortWeb.InferenceSession | undefined;
  return {
    name,
    kind: 'peer',
    note,
    async prepare(input) {
      let s = sessions.get(input.bytes);
      if (!s) sessions.set(input.bytes, (s = ort.InferenceSession.create(input.bytes, options)));
      session = await s;
    },
    async run(input) {
      const x = new ort.Tensor('float32', input.x, [input.batch, 64]);
      const out = await (session as ortNode.InferenceSession).run({ x } as never);
      return out.y.data as Float32Array;
    },
  };
}

export function ortPeers(): Contender<InferenceInput>[] {
  ortWeb.env.wasm.numThreads = 1;
  return [
    ortContender('onnxruntime-web wasm', ortWeb, { executionProviders: ['wasm'] }, `onnxruntime-web ${ortWeb.env.versions?.web ?? ''}, numThreads 1`),
    ortContender('onnxruntime-node cpu', ortNode, { executionProviders: ['cpu'], intraOpNumThreads: 1, interOpNumThreads: 1 }, 'native CPU EP, intraOpNumThreads 1 (the native ceiling)'),
  ];
}

export const isApprox = (kind: MlpKind): boolean => approxKinds.has(kind);
