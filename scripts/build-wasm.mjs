// Compiles every AssemblyScript entry wasm/assembly/*.ts (shared code lives in wasm/assembly/lib/) twice:
// a SIMD build and a relaxed-SIMD build; the loader picks one at run time with WebAssembly.validate.
import { readdirSync, mkdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const src = path.join(root, 'wasm/assembly');
const out = path.join(root, 'wasm/build');
mkdirSync(out, { recursive: true });
const asc = path.join(root, 'node_modules/assemblyscript/bin/asc.js');

const entries = readdirSync(src).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));
for (const file of entries) {
  const name = file.replace(/\.ts$/, '');
  for (const [variant, features] of [['simd', ['simd']], ['relaxed', ['simd', 'relaxed-simd']]]) {
    const args = [
      asc, path.join(src, file),
      '--config', path.join(root, 'wasm/asconfig.json'),
      '--target', 'release',
      '--outFile', path.join(out, `${name}.${variant}.wasm`),
      ...features.flatMap((f) => ['--enable', f]),
    ];
    execFileSync(process.execPath, args, { stdio: 'inherit' });
  }
  console.log(`wasm: ${name} (simd, relaxed)`);
}
