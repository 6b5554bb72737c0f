/** Compresses every eligible file under `dir` (.br and .gz next to it); resolves to how many got copies. */
export function compressAssets(dir: string): Promise<number>;
