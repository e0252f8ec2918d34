// Deterministic inputs shared by the side-by-side benches: 15-word English sentences (words that
// WordNet, the misspelling list and the keyboard methods all find something in) and CSV files.
import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';

const WORDS = (
  'the patient reported feeling tired and sad most days since last winter with poor sleep ' +
  'appetite changes low energy trouble concentrating restless friends family work school ' +
  'morning evening really does not cannot would like walked house garden quickly believe ' +
  'because their received separate definitely happy doctor small large child began finally ' +
  'again people thought house important government different problem always'
).split(' ');

/** `count` sentences of 15 words, the same on every run. */
export function sentences(count, words = 15) {
  let x = 20_261_122;
  const next = () => (x = (x * 1_103_515_245 + 12_345) >>> 0) % WORDS.length;
  return Array.from({ length: count }, () => {
    const s = Array.from({ length: words }, () => WORDS[next()]).join(' ');
    return `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;
  });
}

/** Writes `dir/name` as a CSV of `rows` rows (id, text), cycling through `pool` sentences. */
export function writeTextCsv(dir, rows, name = 'data.csv', pool = sentences(500)) {
  const fd = openSync(join(dir, name), 'w');
  try {
    let text = 'id,text\n';
    for (let i = 0; i < rows; i++) {
      text += `${i},${pool[i % pool.length]}\n`;
      if (text.length > 1 << 20) {
        writeSync(fd, text);
        text = '';
      }
    }
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
  return join(dir, name);
}

/** A one-method text pipeline over data.csv. */
export function writeTextPipeline(dir, method, { chunk = 'rows = 1000000', quality } = {}) {
  writeFileSync(
    join(dir, 'p.aug'),
    `pipeline "bench" {
  input "data.csv" { id = "id"  text = ["text"] }
  method m = ${method}
  chunk { ${chunk} }
  quality { ${quality ?? 'min = 0  max = 1'} }
  output "out" { format = csv }
}
`,
  );
  return join(dir, 'p.aug');
}
