// Builds the browser test pages with Vite, serves them on localhost (navigator.gpu needs a secure context),
// and runs them in Debian's headless Chromium through playwright-core. WebGPU comes from Chromium's
// SwiftShader. With CI=true a missing adapter fails the run; otherwise it is reported as skipped.
import { build, preview } from 'vite';
import { chromium } from 'playwright-core';
import { mkdirSync, existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const artifacts = path.join(root, 'test-artifacts');
mkdirSync(artifacts, { recursive: true });
const CI = process.env.CI === 'true';
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const pages = ['test/browser/webgpu-percentile.html'];

if (!existsSync(chromiumPath)) {
  const msg = `browser tests: no Chromium at ${chromiumPath}`;
  writeFileSync(path.join(artifacts, 'browser.json'), JSON.stringify({ passed: 0, failed: CI ? 1 : 0, skipped: CI ? 0 : 1 }));
  if (CI) { console.error(msg); process.exit(1); }
  console.log(`${msg} — skipped`);
  process.exit(0);
}

const outDir = path.join(root, 'dist/browser-tests');
await build({
  root,
  logLevel: 'warn',
  build: { outDir, emptyOutDir: true, rollupOptions: { input: pages.map((p) => path.join(root, p)) } },
});
const server = await preview({ root, logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port: 0 } });
const base = server.resolvedUrls.local[0];

const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: ['--no-sandbox', '--enable-unsafe-webgpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
});
let passed = 0;
let failed = 0;
let skipped = 0;
try {
  for (const page of pages) {
    const tab = await browser.newPage();
    tab.on('console', (m) => m.type() === 'error' && console.error(`  [console] ${m.text()}`));
    await tab.goto(new URL(page, base).href);
    await tab.waitForFunction(() => window.__gpulseResults?.done === true, null, { timeout: 300_000 });
    const results = await tab.evaluate(() => window.__gpulseResults);
    await tab.screenshot({ path: path.join(artifacts, `${path.basename(page, '.html')}.png`), fullPage: false });
    if (!results.adapter) {
      const msg = `${page}: skipped: no adapter`;
      if (CI) { console.error(`${msg} (CI=true: failing)`); failed++; } else { console.log(msg); skipped++; }
    } else {
      console.log(`${page}: adapter ${JSON.stringify({ vendor: results.adapter.vendor, arch: results.adapter.architecture, desc: results.adapter.description })}`);
    }
    for (const o of results.outcomes) {
      if (o.ok) passed++;
      else { failed++; console.error(`  FAIL ${o.name}: ${o.detail}`); }
    }
  }
} finally {
  await browser.close();
  server.httpServer.close();
}
writeFileSync(path.join(artifacts, 'browser.json'), JSON.stringify({ passed, failed, skipped }));
console.log(`browser: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
