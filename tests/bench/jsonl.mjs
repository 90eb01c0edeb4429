// Throughput of `caveat jsonl` against write-good's weasel-word check (tests/bench/writegood-jsonl.mjs),
// each as a whole process (start-up included) on the same JSON lines: WikiWeasel's sentences and
// PolNeAR's articles from ../shared. Prints MB/s of input for each (the best of RUNS) and the ratio.
// Figures only, no assertions. Run by `./build.sh bench`.
//   node tests/bench/jsonl.mjs [--runs N]
import { readFileSync, writeFileSync, existsSync, mkdirSync, openSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { ROOT } from '../e2e/server.mjs';

const RUNS = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 3;
const SOURCES = ['../shared/data/uncertainty/wikiweasel-train.jsonl', '../shared/data/attribution/polnear-train.jsonl',
  '../shared/data/attribution/polnear-dev.jsonl'].map((p) => join(ROOT, p));

function fail(message) {
  console.error(`jsonl bench: ${message}`);
  process.exit(1);
}

const caveat = join(ROOT, 'target/release/caveat');
if (!existsSync(caveat)) fail('target/release/caveat is not built (run ./build.sh)');
const missing = SOURCES.filter((p) => !existsSync(p));
if (missing.length) fail(`${missing.join(', ')} absent (the benchmark needs ../shared)`);

// Only id and text, so both tools read the same bytes.
const read = (paths) => paths.flatMap((p) => readFileSync(p, 'utf8').split('\n').filter((l) => l.trim()))
  .map((l) => JSON.parse(l)).map(({ id, text }) => JSON.stringify({ id, text }));
const SETS = [
  ['WikiWeasel train (sentences)', read(SOURCES.slice(0, 1))],
  ['PolNeAR train and dev (articles)', read(SOURCES.slice(1))],
  ['all of them', read(SOURCES)],
];
mkdirSync(join(ROOT, 'target/bench'), { recursive: true });
const file = join(ROOT, 'target/bench/jsonl-input.jsonl');

// The best wall time of RUNS runs of `command args < file > /dev/null`; checks one answer per line.
function time(command, args, lines) {
  let best = Infinity;
  for (let i = 0; i < RUNS; i++) {
    const stdin = openSync(file, 'r');
    const start = process.hrtime.bigint();
    const run = spawnSync(command, args, { stdio: [stdin, 'pipe', 'pipe'], maxBuffer: 1 << 30, cwd: ROOT });
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    closeSync(stdin);
    if (run.status !== 0) fail(`${command} ${args.join(' ')} failed: ${run.stderr}`);
    const answers = run.stdout.toString().split('\n').filter(Boolean).length;
    if (answers !== lines) fail(`${command}: ${answers} answers for ${lines} lines`);
    best = Math.min(best, seconds);
  }
  return best;
}

console.log(`caveat jsonl and write-good's weasel check (tests/bench/writegood-jsonl.mjs), whole process, best of ${RUNS}, MB/s of input:`);
let ratio = 0;
for (const [name, lines] of SETS) {
  const input = lines.join('\n') + '\n';
  writeFileSync(file, input);
  const mb = Buffer.byteLength(input) / 1e6;
  const caveatSeconds = time(caveat, ['jsonl'], lines.length);
  const writeGoodSeconds = time(process.execPath, [join(ROOT, 'tests/bench/writegood-jsonl.mjs')], lines.length);
  ratio = writeGoodSeconds / caveatSeconds;
  console.log(`  ${name.padEnd(34)} ${String(lines.length).padStart(5)} lines ${mb.toFixed(1).padStart(4)} MB: caveat ${(mb / caveatSeconds).toFixed(1).padStart(5)} MB/s ` +
    `(${caveatSeconds.toFixed(3)} s), write-good ${(mb / writeGoodSeconds).toFixed(1).padStart(5)} MB/s (${writeGoodSeconds.toFixed(3)} s), ratio ${ratio.toFixed(2)}`);
}
console.log(`jsonl: caveat/write-good throughput ratio ${ratio.toFixed(2)} on all of them (target >= 1.5, goal 3)`);
