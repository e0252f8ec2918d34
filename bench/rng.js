// Random stream benchmarks: `npm run build && node bench/rng.js`.
// Streams are created per row x variant x method, so creation cost matters as much as draws.
import { pathToFileURL } from 'node:url';
import { createRng, hashParts } from '../dist/stdlib/random/rng.js';
import { beta, gaussian } from '../dist/stdlib/random/distributions.js';

/** Runs fn(i) for about `ms` ms of CPU time after a warm-up; returns operations per CPU second. */
function measure(fn, ms = 500) {
  for (let i = 0; i < 20_000; i++) fn(i);
  // CPU time of this process rather than wall time, so a busy machine does not skew the result.
  const cpuMs = (since) => {
    const u = process.cpuUsage(since);
    return (u.user + u.system) / 1000;
  };
  const start = process.cpuUsage();
  let ops = 0;
  let elapsed = 0;
  while (elapsed < ms) {
    for (let i = 0; i < 10_000; i++) fn(ops + i);
    ops += 10_000;
    elapsed = cpuMs(start);
  }
  return (ops / elapsed) * 1000;
}

const ROW_IDS = Array.from({ length: 4096 }, (_, i) => `row-${i}`);
let sink = 0;

/**
 * pure-rand, for comparison only: a transitive dev dependency (through fast-check) whose API
 * changed in v8 (no default export); the row is left out when neither API is there.
 */
async function loadPureRand() {
  try {
    const m = await import('pure-rand');
    const p = m.default ?? m;
    if (p.xoroshiro128plus && p.unsafeUniformIntDistribution)
      return {
        make: p.xoroshiro128plus,
        int: (rng) => p.unsafeUniformIntDistribution(0, 999, rng),
      };
  } catch {
    /* v8 has no main export */
  }
  try {
    const g = await import('pure-rand/generator/xoroshiro128plus');
    const d = await import('pure-rand/distribution/uniformInt');
    return { make: g.xoroshiro128plus, int: (rng) => d.uniformInt(rng, 0, 999) };
  } catch {
    return undefined;
  }
}

export async function run() {
  const rows = measureAll(await loadPureRand());
  const create = rows.find((r) => r.name === 'createRng only');
  return {
    title: 'Random streams (per CPU second)',
    rows,
    checks: [
      {
        name: 'createRng (5-part key) < 1 µs',
        ok: create.nsPerOp < 1000,
        detail: `${create.nsPerOp} ns`,
      },
    ],
  };
}

function measureAll(prand) {
  const key = (i) => [42, ROW_IDS[i & 4095], 'combo_0003', i & 7, 'nlp_keyboard'];
  return [
    ['hashParts (5 parts, 33 key bytes)', measure((i) => (sink += hashParts(key(i))[0]))],
    ['createRng only', measure((i) => (sink += createRng(...key(i)).int(2)))],
    [
      'createRng + 100 next()',
      measure((i) => {
        const rng = createRng(...key(i));
        for (let j = 0; j < 100; j++) sink += rng.next();
      }),
    ],
    ...(prand
      ? [
          [
            'pure-rand xoroshiro128plus(seed) + 100 int draws (32-bit seed only)',
            measure((i) => {
              const rng = prand.make(i);
              for (let j = 0; j < 100; j++) sink += prand.int(rng);
            }),
          ],
        ]
      : []),
    [
      'createRng + 100 int(1000)',
      measure((i) => {
        const rng = createRng(...key(i));
        for (let j = 0; j < 100; j++) sink += rng.int(1000);
      }),
    ],
    ['gaussian (one stream)', measureOn((rng) => gaussian(rng))],
    ['beta(0.2, 0.2) (one stream)', measureOn((rng) => beta(rng, 0.2, 0.2))],
  ].map(([name, opsPerSec]) => ({
    name,
    opsPerSec: Math.round(opsPerSec),
    nsPerOp: Math.round(1e9 / opsPerSec),
  }));
}

function measureOn(draw) {
  const rng = createRng('bench');
  return measure(() => (sink += draw(rng)));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const { name, opsPerSec } of (await run()).rows) {
    console.log(`${name.padEnd(70)} ${opsPerSec.toLocaleString('en-US').padStart(14)} ops/s`);
  }
  if (sink === 0.5) console.log(''); // keeps the sink observable
}
