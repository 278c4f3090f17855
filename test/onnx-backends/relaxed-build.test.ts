/**
 * The relaxed-SIMD build of the gemm module (relaxed_madd in the f32 and dequantize-in-register kernels) is
 * what browsers and flagged Node pick; Node 20 validates it only under --experimental-wasm-relaxed-simd,
 * so this runs the model checks in such a child process.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';
import { repoRoot } from '../onnx/helpers.js';

it('the relaxed-SIMD build is picked under the flag and agrees with the JS reference', async () => {
  const script = path.join(repoRoot, 'test/onnx-backends/relaxed-check.ts');
  const stdout = await new Promise<string>((resolve, reject) =>
    execFile(process.execPath, ['--experimental-wasm-relaxed-simd', '--import', 'tsx', script], { cwd: repoRoot }, (err, out, errOut) => (err ? reject(new Error(errOut || String(err))) : resolve(out))),
  );
  const r = JSON.parse(stdout.trim().split('\n').pop()!) as Record<string, { device: string; diff: number; scale: number }>;
  for (const [name, v] of Object.entries(r)) {
    expect(v.device, name).toBe('WebAssembly relaxed SIMD');
    // q8 is exact; level-4 q4 quantizes activations to int8; the rest accumulate in f32.
    const tol = name === 'q8' ? 0 : name === 'q4-level4' ? 3e-2 : 1e-5;
    expect(v.diff, name).toBeLessThanOrEqual(tol * Math.max(1, v.scale));
  }
});
