// One augc text method alone, in a fresh process: `node augc-kernel.js METHOD PARAMS_JSON
// SENTENCES_FILE MIN_MS`. Each call gets its own random stream, as in a run (one per row, variant,
// method and column). Prints {"msPerCall": ...}: CPU time of this process per augment() call
// after a warm-up, over at least MIN_MS of CPU.
import { readFileSync } from 'node:fs';
import { createRng } from '../../dist/stdlib/random/rng.js';
import { getImplementation } from '../../dist/stdlib/registry.js';

const [method, paramsJson, file, minMs = '1000'] = process.argv.slice(2);
const impl = getImplementation(method);
if (!impl || impl.domain !== 'text') throw new Error(`no text method \`${method}\``);
const params = JSON.parse(paramsJson);
const texts = readFileSync(file, 'utf8').split('\n').filter(Boolean);
const protectedWords = new Set();
let sink = 0;
const call = (i) => {
  const rng = createRng(42, 'combo', i, String(i), 0, 'm', 'text');
  sink += impl.augment(texts[i % texts.length], params, { rng, protectedWords }).length;
};
for (let i = 0; i < 3000; i++) call(i);
const cpuMs = (since) => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
};
const start = process.cpuUsage();
let calls = 0;
while (cpuMs(start) < Number(minMs)) {
  for (let k = 0; k < 500; k++) call(calls++);
}
process.stdout.write(`${JSON.stringify({ msPerCall: cpuMs(start) / calls, calls, sink })}\n`);
