// `npm test` after the build: the vitest suite (Node: JS, WASM, WebGPU on Dawn) and the browser suite (headless
// Chromium: WebGPU on SwiftShader, WASM), then one closing line with the counts of both.
import { spawnSync } from 'node:child_process';
import { readFileSync, mkdirSync, existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const artifacts = path.join(root, 'test-artifacts');
mkdirSync(artifacts, { recursive: true });
const vitestJson = path.join(artifacts, 'vitest.json');
const browserJson = path.join(artifacts, 'browser.json');
for (const f of [vitestJson, browserJson]) if (existsSync(f)) rmSync(f);
const extra = process.argv.slice(2);

const vitest = spawnSync(
  process.execPath,
  [path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`, ...extra],
  { stdio: 'inherit', cwd: root },
);
const browser = spawnSync(process.execPath, [path.join(root, 'test/browser/run-browser-tests.mjs')], { stdio: 'inherit', cwd: root });

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(vitestJson)) {
  const v = JSON.parse(readFileSync(vitestJson, 'utf8'));
  passed += v.numPassedTests;
  failed += v.numFailedTests;
  skipped += v.numPendingTests + v.numTodoTests;
} else failed++;
if (existsSync(browserJson)) {
  const b = JSON.parse(readFileSync(browserJson, 'utf8'));
  passed += b.passed;
  failed += b.failed;
  skipped += b.skipped;
} else failed++;
const ok = vitest.status === 0 && browser.status === 0 && failed === 0;
console.log(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(ok ? 0 : 1);
