#!/usr/bin/env node
// Thin launcher: the CLI is TypeScript compiled by `npm run build` (tsconfig.build.json) into dist/.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../../../dist/apps/cli/src/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('gpulse: dist/apps/cli/src/main.js not found; run `npm run build` first\n');
  process.exit(2);
}
await import(entry.href);
