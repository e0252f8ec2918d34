// Quality-filter benchmarks: `npm run build && node bench/quality.js`.
// Pairs are ~100-character sentences and a variant with a few character edits, the shape the
// filter sees for every generated variant.
import { pathToFileURL } from 'node:url';
import { chrf } from '../dist/engine/quality/chrf.js';
import { levenshteinRatio } from '../dist/engine/quality/levenshtein-ratio.js';
import { tokenJaccard } from '../dist/engine/quality/token-jaccard.js';
import { createQualityFilter } from '../dist/engine/quality/quality-filter.js';
import { createRng } from '../dist/stdlib/random/rng.js';

const SENTENCES = [
  'I have not slept properly in weeks and I feel exhausted, worthless and empty every single day.',
  'Lately my appetite has disappeared and I keep losing weight without trying to at all, honestly.',
  'She says she cannot concentrate at work anymore and often forgets what she was doing midway.',
  'He reports feeling guilty about everything, even small things that are clearly not his fault.',
  'Most mornings I wake up at four and cannot fall back asleep, so I just lie there thinking.',
  'I used to enjoy painting and running but nothing feels interesting or worth the effort now.',
];

/** A variant with about 5% of characters substituted (a typical character-noise output). */
function noisy(text, rng) {
  return [...text]
    .map((c) => (rng.next() < 0.05 ? String.fromCharCode(97 + rng.int(26)) : c))
    .join('');
}

const rng = createRng('bench-quality');
const PAIRS = Array.from({ length: 64 }, (_, i) => {
  const original = SENTENCES[i % SENTENCES.length];
  return [original, noisy(original, rng)];
});

function measure(fn, ms = 500) {
  for (let i = 0; i < 2_000; i++) fn(i);
  // CPU time of this process rather than wall time, so a busy machine does not skew the result.
  const cpuMs = (since) => {
    const u = process.cpuUsage(since);
    return (u.user + u.system) / 1000;
  };
  const start = process.cpuUsage();
  let ops = 0;
  let elapsed = 0;
  while (elapsed < ms) {
    for (let i = 0; i < 1_000; i++) fn(ops + i);
    ops += 1_000;
    elapsed = cpuMs(start);
  }
  return (ops / elapsed) * 1000;
}

let sink = 0;

export function run() {
  const rows = measureAll();
  const chrfRow = rows[0];
  return {
    title: 'Quality measures (per CPU second, ~95-character pairs)',
    rows,
    checks: [
      {
        name: 'chrf < 50 µs per ~95-character pair',
        ok: chrfRow.nsPerOp < 50_000,
        detail: `${chrfRow.nsPerOp} ns`,
      },
    ],
  };
}

function measureAll() {
  const pair = (i) => PAIRS[i & 63];
  const filter = createQualityFilter({ measure: 'chrf', min: 0.55, max: 0.95 });
  return [
    ['chrf (n<=6, beta=2), ~95-char pair', measure((i) => (sink += chrf(...pair(i))))],
    ['levenshteinRatio, ~95-char pair', measure((i) => (sink += levenshteinRatio(...pair(i))))],
    ['tokenJaccard, ~95-char pair', measure((i) => (sink += tokenJaccard(...pair(i))))],
    [
      'quality filter (chrf): row scope + 1 decision',
      measure((i) => {
        const [original, variant] = pair(i);
        sink += filter.row(original).decide(variant).keep ? 1 : 0;
      }),
    ],
  ].map(([name, opsPerSec]) => ({
    name,
    opsPerSec: Math.round(opsPerSec),
    nsPerOp: Math.round(1e9 / opsPerSec),
  }));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const avg = PAIRS.reduce((a, [o]) => a + o.length, 0) / PAIRS.length;
  console.log(`average original length: ${avg.toFixed(0)} characters`);
  for (const [name, opsPerSec] of run()) {
    console.log(
      `${name.padEnd(50)} ${Math.round(opsPerSec).toLocaleString('en-US').padStart(12)} ops/s`,
    );
  }
  if (sink === 0.5) console.log('');
}
