import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

/**
 * Compresses the browser's files once, at build time (decision 89): next to each text file in build/client
 * a brotli (.br, at the highest quality) and a gzip (.gz) copy, which the server sends to a browser that asks
 * for one (express-static-gzip). Pages, made per request, are compressed on the fly instead.
 */

const COMPRESSIBLE = /\.(js|mjs|css|svg|json|txt|html|xml|map|webmanifest)$/;
/** Below this a compressed copy saves less than the header costs. */
const MIN_BYTES = 1024;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

let original = 0;
let brotli = 0;
for (const file of filesUnder("build/client").filter((f) => COMPRESSIBLE.test(f))) {
  const content = readFileSync(file);
  if (content.length < MIN_BYTES) continue;
  const br = brotliCompressSync(content, {
    params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: content.length },
  });
  const gz = gzipSync(content, { level: constants.Z_BEST_COMPRESSION });
  writeFileSync(`${file}.br`, br);
  writeFileSync(`${file}.gz`, gz);
  original += content.length;
  brotli += br.length;
}
console.log(`Gecomprimeerd: ${Math.round(original / 1024)} KB → ${Math.round(brotli / 1024)} KB (brotli)`);
