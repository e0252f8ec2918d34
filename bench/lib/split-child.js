// One process of bench/split.js: `node split-child.js split|parse CSV [OUT]`.
// split: augc's split of the CSV into chunk files under OUT (what `augc run` does before any task
// starts: parse, check the columns and cells, hash the input, write JSONL chunks, split.json).
// parse: the same CSV reader streaming the file and counting its rows, nothing else.
import { openStorage } from '../../dist/engine/storage/open-storage.js';
import { readRecordBatches } from '../../dist/engine/formats/read-rows.js';
import { splitInput } from '../../dist/engine/split.js';

const [mode, csv, out] = process.argv.slice(2);
const ROWS_PER_CHUNK = 100_000;

if (mode === 'parse') {
  let rows = 0;
  for await (const batch of readRecordBatches(csv, 'csv')) rows += batch.length;
  process.stdout.write(`${rows}\n`);
} else if (mode === 'split') {
  const opened = openStorage(out);
  if (!opened.ok) throw new Error(opened.message);
  const input = {
    uri: csv,
    format: 'csv',
    id: 'id',
    text: ['text'],
    keep: [],
    protect: [],
    protectKeywords: [],
    onBadRow: 'fail',
  };
  const rows = Number(process.env.SPLIT_ROWS);
  const count = Math.max(1, Math.ceil(rows / ROWS_PER_CHUNK));
  const chunks = { mode: 'rows', rowsPerChunk: ROWS_PER_CHUNK, count };
  const result = await splitInput({ input, chunks, storage: opened.storage, dir: '_augc/chunks' });
  process.stdout.write(`${result.rows}\n`);
} else {
  throw new Error(`usage: split-child.js split|parse CSV [OUT]`);
}
