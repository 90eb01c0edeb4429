// write-good's weasel-word check as a JSON-lines filter, the comparison for `caveat jsonl`
// (tests/bench/jsonl.mjs): {"id", "text"} per line in, {"id", "findings"} per line out, in order.
import { createInterface } from 'node:readline';
import writeGood from 'write-good';

// Every check but the weasel words off.
const ONLY_WEASEL = { illusion: false, so: false, thereIs: false, passive: false, adverb: false, tooWordy: false, cliches: false, eprime: false };
const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
let out = [];
for await (const line of lines) {
  if (!line.trim()) continue;
  let answer;
  try {
    const { id = null, text } = JSON.parse(line);
    answer = { id, findings: writeGood(String(text), ONLY_WEASEL) };
  } catch (e) {
    answer = { id: null, error: e.message };
  }
  out.push(JSON.stringify(answer));
  if (out.length >= 256) {
    process.stdout.write(out.join('\n') + '\n');
    out = [];
  }
}
if (out.length) process.stdout.write(out.join('\n') + '\n');
