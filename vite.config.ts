import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { compressAssets } from './scripts/compress-assets.mjs';

/** After the build, a .br and .gz copy of each asset, served precompressed by the server. */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'samenplan-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      await compressAssets(outDir);
    },
  };
}

const repoRoot = fileURLToPath(new URL('.', import.meta.url));

// The server enforces `script-src 'self'`: the built index.html must not contain
// inline scripts, hence no module-preload polyfill (all supported browsers have it).
export default defineConfig({
  root: 'src/web',
  publicDir: 'public',
  plugins: [react(), precompress()],
  css: {
    // Vite would look for the PostCSS config from `root`; point it at the repo root.
    postcss: repoRoot,
  },
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    // A lazy page's JavaScript imports are found by the browser when the page's chunk arrives (one
    // round trip more on the first visit to a module); listing them all up front put a map of every
    // chunk of every module into the first page's JavaScript, which grew with each module (budget:
    // tests/e2e/performance.e2e.ts). Style sheets are still loaded with the page, so nothing flashes.
    modulePreload: { polyfill: false, resolveDependencies: (_file, deps, { hostType }) => (hostType === 'js' ? deps.filter((d) => d.endsWith('.css')) : deps) },
    // No data: URIs, so a strict CSP without `data:` keeps working.
    assetsInlineLimit: 0,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate chunks cache better. Only libraries
        // every page needs are grouped; the rest (date pickers, dayjs …) stays with the lazily
        // loaded pages that use them, out of the first visit.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
            {
              name: 'vendor',
              test: /node_modules[\\/](@tanstack|i18next|react-i18next|zod|html-parse-stringify|void-elements)[\\/]/,
            },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
});
