// Text methods, side by side with nlpaug 2.0.0 on the same 15-word sentences, each method in
// rounds of: augc's method alone (bench/lib/augc-kernel.js), nlpaug's equivalent alone
// (bench/lib/nlpaug-kernel.py, Debian's python3 with nlpaug from ../shared/peers/nlpaug), and a
// whole `augc run` of a one-method pipeline over BENCH_METHOD_ROWS rows on one core (pinned with
// taskset, --jobs 1, quality filter computed but open). A run's cost per row is its CPU time minus
// that of an immediate re-run that finds every task done (start-up, compile, input hash, merge),
// over the rows: reading, splitting, the method, chrF, and writing. Each round runs the three
// alternately; ratios are taken round by round.
// nlpaug's augment(s) makes one variant of one string with no file I/O and no quality filter.
// WordNet synonyms are augc alone: nlpaug's SynonymAug needs NLTK's WordNet corpus and tagger,
// which cannot be downloaded here; its figure (1.2–1.5 ms) is quoted from
// ../shared/research/augmentation-methods.md.
// Environment: BENCH_PAIRS (rounds, default 5), BENCH_METHOD_ROWS (default 100000),
// BENCH_KERNEL_MS (CPU per kernel measurement, default 1000), BENCH_NLPAUG_DIR, BENCH_SMOKE=1.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sentences, writeTextCsv, writeTextPipeline } from './lib/corpus.js';
import {
  AUGC,
  available,
  machine,
  median,
  round,
  showSpread,
  SMOKE,
  spread,
  TASKSET,
  tempDir,
  timed,
} from './lib/measure.js';
import { barChart } from './lib/svg.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const PAIRS = SMOKE ? 1 : Number(process.env.BENCH_PAIRS ?? 5);
const ROWS = SMOKE ? 200 : Number(process.env.BENCH_METHOD_ROWS ?? 100_000);
const KERNEL_MS = SMOKE ? 50 : Number(process.env.BENCH_KERNEL_MS ?? 1000);
const NLPAUG_DIR =
  process.env.BENCH_NLPAUG_DIR ?? join(HERE, '..', '..', 'shared', 'peers', 'nlpaug');
const PYTHON = '/usr/bin/python3';
/** ../shared/research/augmentation-methods.md: SynonymAug with Debian's WordNet files. */
const NLPAUG_SYNONYM_MS = { low: 1.2, high: 1.5 };

const METHODS = [
  { augc: 'keyboard_typo', params: {}, nlpaug: ['char', 'KeyboardAug', {}] },
  {
    augc: 'random_char',
    params: { action: 'substitute' },
    nlpaug: ['char', 'RandomCharAug', { action: 'substitute' }],
  },
  { augc: 'ocr', params: {}, nlpaug: ['char', 'OcrAug', {}] },
  {
    augc: 'random_word',
    params: { action: 'swap' },
    nlpaug: ['word', 'RandomWordAug', { action: 'swap' }],
  },
  { augc: 'spelling', params: {}, nlpaug: ['word', 'SpellingAug', {}] },
  { augc: 'word_split', params: {}, nlpaug: ['word', 'SplitAug', {}] },
  { augc: 'wordnet_synonym', params: {}, nlpaug: undefined },
];

const pythonEnv = { ...process.env, PYTHONPATH: NLPAUG_DIR };

function nlpaugAvailable() {
  const probe = available(
    [PYTHON, '-c', 'import nlpaug.augmenter.char, nlpaug.augmenter.word; print("nlpaug 2.0.0")'],
    pythonEnv,
  );
  return probe !== undefined;
}

/** `method(...)` in the pipeline language, with the same parameters as the kernel. */
function call(method, params) {
  const args = Object.entries(params).map(([k, v]) => `${k} = ${v}`);
  return `${method}(${args.join(', ')})`;
}

function augcKernel(m, file) {
  const r = timed([
    process.execPath,
    join(HERE, 'lib', 'augc-kernel.js'),
    m.augc,
    JSON.stringify(m.params),
    file,
    String(KERNEL_MS),
  ]);
  return JSON.parse(r.stdout).msPerCall;
}

function nlpaugKernel(m, file) {
  const [module, cls, kwargs] = m.nlpaug;
  const script = join(HERE, 'lib', 'nlpaug-kernel.py');
  const argv = [
    PYTHON,
    script,
    module,
    cls,
    JSON.stringify(kwargs),
    file,
    String(KERNEL_MS / 1000),
  ];
  return JSON.parse(timed(argv, { env: pythonEnv }).stdout).msPerCall;
}

/** CPU ms per row of a whole run on one core, fixed costs (a no-op re-run) taken out. */
function augcRunPerRow(dir) {
  rmSync(join(dir, 'out'), { recursive: true, force: true });
  const argv = [process.execPath, AUGC, 'run', 'p.aug', '--output', 'out', '--jobs', '1'];
  const pinned = TASKSET ? [TASKSET, '-c', '0', ...argv] : argv;
  const full = timed(pinned, { cwd: dir });
  const noop = timed(pinned, { cwd: dir });
  return { perRow: (full.cpuMs - noop.cpuMs) / ROWS, wholePerRow: full.cpuMs / ROWS };
}

function measureMethod(m, root, file, withNlpaug) {
  const dir = join(root, m.augc);
  mkdirSync(dir, { recursive: true });
  writeTextCsv(dir, ROWS, 'data.csv', sentences(500));
  writeTextPipeline(dir, call(m.augc, m.params));
  const rounds = [];
  for (let i = 0; i < PAIRS; i++) {
    const kernel = augcKernel(m, file);
    const peer = withNlpaug && m.nlpaug ? nlpaugKernel(m, file) : Number.NaN;
    rounds.push({ kernel, peer, ...augcRunPerRow(dir) });
  }
  return rounds;
}

function rowOf(m, rounds) {
  const peerQuoted = m.nlpaug === undefined;
  const peer = rounds.map((r) => (peerQuoted ? NLPAUG_SYNONYM_MS.low : r.peer));
  const kernelRatio = spread(rounds.map((r, i) => peer[i] / r.kernel));
  const runRatio = spread(rounds.map((r, i) => peer[i] / r.perRow));
  const us = (ms) => round(ms * 1000);
  return {
    method: m.augc + (Object.keys(m.params).length ? ` (${Object.values(m.params).join()})` : ''),
    nlpaug: m.nlpaug ? m.nlpaug[1] : 'SynonymAug (quoted)',
    'augc kernel µs': us(median(rounds.map((r) => r.kernel))),
    'nlpaug kernel µs': peerQuoted
      ? `${NLPAUG_SYNONYM_MS.low * 1000}–${NLPAUG_SYNONYM_MS.high * 1000}`
      : us(median(peer)),
    'kernel: nlpaug / augc': Number.isFinite(kernelRatio.median) ? showSpread(kernelRatio) : '',
    'augc run µs/row': us(median(rounds.map((r) => r.perRow))),
    'run µs/row incl. start-up': us(median(rounds.map((r) => r.wholePerRow))),
    'nlpaug kernel / augc run per row': Number.isFinite(runRatio.median)
      ? showSpread(runRatio)
      : '',
    _kernel: median(rounds.map((r) => r.kernel)),
    _run: median(rounds.map((r) => r.perRow)),
    _peer: median(peer),
    _kernelRatio: kernelRatio.median,
    _runRatio: runRatio.median,
  };
}

function checksOf(rows, withNlpaug) {
  if (SMOKE || !withNlpaug) return [];
  const by = (name) => rows.find((r) => r.method.startsWith(name));
  const checks = [];
  const keyboard = by('keyboard_typo');
  checks.push({
    name: 'keyboard_typo whole run <= 11 µs per row per core (>= 10x nlpaug KeyboardAug)',
    ok: keyboard._run <= 0.011,
    detail: `${round(keyboard._run * 1000)} µs, ${round(keyboard._runRatio)}x nlpaug's kernel`,
  });
  for (const name of ['spelling', 'random_word', 'wordnet_synonym']) {
    const row = by(name);
    checks.push({
      name: `${name} kernel >= 6x nlpaug's`,
      ok: row._kernelRatio >= 6,
      detail: `${round(row._kernelRatio)}x`,
    });
  }
  return checks;
}

export function run() {
  const withNlpaug = nlpaugAvailable();
  const root = tempDir('methods');
  const file = join(root, 'sentences.txt');
  writeFileSync(file, `${sentences(200).join('\n')}\n`);
  const rows = [];
  try {
    for (const m of METHODS) rows.push(rowOf(m, measureMethod(m, root, file, withNlpaug)));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  const missing = withNlpaug
    ? []
    : [
        `nlpaug (needs ${NLPAUG_DIR} and python3-numpy; bench/setup.sh installs the Debian packages)`,
      ];
  const notes = [
    `${ROWS.toLocaleString('en-US')} rows per run, 15-word sentences, one variant, quality open ` +
      '(chrF computed for every variant); µs of CPU on one core',
  ];
  if (missing.length) notes.push(`comparator missing: ${missing[0]}; augc measured alone`);
  const shown = rows.filter((r) => Number.isFinite(r._peer));
  return {
    title: `Text methods vs nlpaug 2.0.0, ${PAIRS} rounds`,
    rows: rows.map((r) =>
      Object.fromEntries(Object.entries(r).filter(([k]) => !k.startsWith('_'))),
    ),
    checks: checksOf(rows, withNlpaug),
    notes,
    missing,
    machine: machine(),
    charts: [
      {
        file: 'methods-vs-nlpaug.svg',
        alt: 'per-method time, augc kernel and whole run per row against nlpaug, log scale',
        svg: barChart({
          title: 'Time per sentence: augc vs nlpaug (log scale)',
          yLabel: 'µs of CPU per sentence',
          categories: (shown.length ? shown : rows).map((r) => r.method.split(' ')[0]),
          series: [
            {
              name: 'augc method alone',
              values: (shown.length ? shown : rows).map((r) => r._kernel * 1000),
            },
            {
              name: 'augc whole run, per row',
              values: (shown.length ? shown : rows).map((r) => r._run * 1000),
            },
            {
              name: 'nlpaug augment()',
              values: (shown.length ? shown : rows).map((r) => r._peer * 1000),
            },
          ],
          logY: true,
        }),
      },
    ],
  };
}
