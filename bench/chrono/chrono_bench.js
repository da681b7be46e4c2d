// chrono-node over the same text as bench/time_bench.cc: prints one line
// "chrono MB/s <median> found <n>" (median of runs, paragraph by paragraph).
//   node chrono_bench.js TEXT_FILE REF_DATE [RUNS]
const fs = require('fs');
const chrono = require('chrono-node');

const [file, ref, runsArg] = process.argv.slice(2);
const text = fs.readFileSync(file, 'utf8');
const paragraphs = text.split('\n').filter((p) => p.trim().length > 0);
const refDate = new Date(ref || '2025-04-22');
const runs = Number(runsArg || 3);
const bytes = Buffer.byteLength(text, 'utf8');
const rates = [];
let found = 0;
for (let r = 0; r < runs; r++) {
  found = 0;
  const t0 = process.hrtime.bigint();
  for (const p of paragraphs) found += chrono.parse(p, refDate).length;
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  rates.push(bytes / 1e6 / secs);
}
rates.sort((a, b) => a - b);
console.log(`chrono MB/s ${rates[Math.floor(rates.length / 2)].toFixed(3)} found ${found}`);
