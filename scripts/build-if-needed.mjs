// Builds the server (tsc) and the web app (vite) when a source file is newer than the last build.
//   node scripts/build-if-needed.mjs          build both if stale (npm start)
//   node scripts/build-if-needed.mjs --web    only the web app (npm test: e2e serves it; the server runs from source)
//   node scripts/build-if-needed.mjs --stamp  record that a full build just finished (npm run build)
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));

function newest(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules') continue;
    max = Math.max(max, newest(join(path, entry)));
  }
  return max;
}

const stampOf = (name) => join(root, 'dist', `.${name}-build-stamp`);
const stamp = (name) => {
  mkdirSync(join(root, 'dist'), { recursive: true });
  writeFileSync(stampOf(name), new Date().toISOString());
};
const builtAt = (name) => (existsSync(stampOf(name)) ? statSync(stampOf(name)).mtimeMs : 0);
const common = ['package.json', 'package-lock.json', 'tsconfig.base.json'].map((f) => newest(join(root, f)));
const sourcesOf = {
  server: [join(root, 'src/server'), join(root, 'src/shared'), join(root, 'src/cli'), join(root, 'tsconfig.server.json')],
  web: [join(root, 'src/web'), join(root, 'src/shared'), join(root, 'vite.config.ts'), join(root, 'tsconfig.web.json'), join(root, 'postcss.config.cjs')],
};
const stale = (name) => Math.max(...common, ...sourcesOf[name].map(newest)) > builtAt(name);
// The web build is always a production build: under `npm test` NODE_ENV is `test`, and Vite would
// then bundle React's development build (twice the size, and not what users get).
const run = (cmd, cmdArgs, env = process.env) => execFileSync(cmd, cmdArgs, { cwd: root, stdio: 'inherit', env });

if (args.has('--stamp')) {
  stamp('server');
  stamp('web');
} else {
  const targets = args.has('--web') ? ['web'] : ['server', 'web'];
  for (const name of targets) {
    if (!stale(name)) continue;
    console.log(`Building the ${name === 'web' ? 'web app' : 'server'}…`);
    if (name === 'server') run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.server.json']);
    else run(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { ...process.env, NODE_ENV: 'production' });
    stamp(name);
  }
}
