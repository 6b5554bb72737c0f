// Writes a brotli (.br) and a gzip (.gz) copy next to every compressible file of the built web app,
// so the server sends them precompressed (`@fastify/static` with `preCompressed`), with no
// compression work per request. Used by the Vite build (vite.config.ts) and runnable by hand:
//   node scripts/compress-assets.mjs dist/web
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|map|webmanifest)$/i;
/** Below this, compression saves less than the extra header costs. */
const MIN_BYTES = 256;

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

async function* filesUnder(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else if (entry.isFile()) yield path;
  }
}

/** Compresses every eligible file under `dir`; returns how many files got copies. */
export async function compressAssets(dir) {
  const jobs = [];
  for await (const path of filesUnder(dir)) {
    if (!COMPRESSIBLE.test(path)) continue;
    if ((await stat(path)).size < MIN_BYTES) continue;
    jobs.push(
      readFile(path).then(async (data) => {
        const [br, gzipped] = await Promise.all([
          brotli(data, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
              [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
            },
          }),
          gz(data, { level: constants.Z_BEST_COMPRESSION }),
        ]);
        // Only copies that are smaller: the server falls back to the plain file when there is none.
        await Promise.all([br.length < data.length ? writeFile(`${path}.br`, br) : null, gzipped.length < data.length ? writeFile(`${path}.gz`, gzipped) : null]);
      }),
    );
  }
  await Promise.all(jobs);
  return jobs.length;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? 'dist/web';
  console.log(`compressed ${await compressAssets(dir)} files in ${dir}`);
}
