#!/usr/bin/env node
// Runs the compiled CLI; `npm run build` (or `npm start`) produces it.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = new URL('../dist/cli/samenplan.js', import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  console.error('samenplan: not built yet; run `npm run build` first.');
  process.exit(1);
}
await import(cli.href);
