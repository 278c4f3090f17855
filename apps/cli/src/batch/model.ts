/**
 * The anomaly-scoring stage's model: the built-in quantized model (apps/model/anomaly-model.int8.onnx, found
 * from the package root so it works from apps/cli/src and from dist/) or the user's --model file, checked
 * against the feature vector the scorer feeds it before any data is read.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Engine, Model } from '../../../../engine/index.js';
import { FEATURE_DIM } from '../../../model/features-for-model.js';
import { CliError } from '../errors.js';
import { fsError } from './fs-error.js';

export const BUILTIN_MODEL = 'apps/model/anomaly-model.int8.onnx';

function packageRoot(): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'gpulse') return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The built-in model's path, or undefined when this install has none. */
export function builtinModelPath(): string | undefined {
  const root = packageRoot();
  const path = root && join(root, BUILTIN_MODEL);
  return path && existsSync(path) ? path : undefined;
}

/** Loads and checks a model: one float input named x of shape [rows, FEATURE_DIM], a `score` output. */
export async function loadScoringModel(engine: Engine, path: string): Promise<Model> {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw fsError(path, error);
  }
  let model: Model;
  try {
    model = await engine.loadModel(bytes);
  } catch (error) {
    throw new CliError(`${path}: cannot load the model (${(error as Error).message.split('\n')[0]})`);
  }
  const input = model.inputs.find((i) => i.name === 'x');
  const width = input?.dims?.[input.dims.length - 1];
  const fits = input && input.dims?.length === 2 && (typeof width !== 'number' || width === FEATURE_DIM) && model.outputs.some((o) => o.name === 'score');
  if (!fits) {
    model.dispose();
    const got = model.inputs.map((i) => `${i.name}[${(i.dims ?? ['?']).join(', ')}]`).join(', ');
    throw new CliError(`${path}: the model's input does not fit the features (needs x[rows, ${FEATURE_DIM}] and a score output; the model has ${got})`);
  }
  return model;
}
