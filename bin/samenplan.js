#!/usr/bin/env node
// Runs the compiled CLI; `npm run build` (or `npm start`) produces it.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// Older Node versions fail deep inside a dependency; say what is needed instead (package.json engines).
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19) || (major === 22 && minor < 12) || major === 21) {
  console.error(`samenplan: Node.js 22.12+ or 24 is needed (20.19+ still works); this is ${process.version}.`);
  process.exit(1);
}

const cli = new URL('../dist/cli/samenplan.js', import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  console.error('samenplan: not built yet; run `npm run build` first.');
  process.exit(1);
}
await import(cli.href);
