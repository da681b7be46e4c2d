// Usage: node run.mjs DIR [REPEATS]
// Parses every *.html(.gz) in DIR with linkedom and runs Readability.parse()
// on it, REPEATS times; prints one line per repeat:
//   pages N bytes B cpu_s S
// CPU seconds of this process (user+system), so a loaded machine does not
// distort the rate. Decompression is done before timing.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { parseHTML } from "linkedom";
import { Readability } from "@mozilla/readability";

const dir = process.argv[2];
const repeats = Number(process.argv[3] || 1);
const pages = fs.readdirSync(dir).filter((f) => /\.html?(\.gz)?$/.test(f)).sort().map((f) => {
  const raw = fs.readFileSync(path.join(dir, f));
  return (f.endsWith(".gz") ? zlib.gunzipSync(raw) : raw).toString("utf8");
});
const bytes = pages.reduce((s, p) => s + Buffer.byteLength(p), 0);
for (let r = 0; r < repeats; r++) {
  const t0 = process.cpuUsage();
  let chars = 0;
  for (const html of pages) {
    try {
      const { document } = parseHTML(html);
      const art = new Readability(document).parse();
      chars += art && art.textContent ? art.textContent.length : 0;
    } catch (e) {
      // a page Readability cannot handle counts as processed with no text
    }
  }
  const t = process.cpuUsage(t0);
  console.log(`pages ${pages.length} bytes ${bytes} cpu_s ${((t.user + t.system) / 1e6).toFixed(3)} chars ${chars}`);
}
