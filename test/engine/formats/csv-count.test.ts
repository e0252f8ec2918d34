/**
 * `countPlainCsv` counts a plain CSV's rows without parsing them (for `augc plan`); whenever it
 * answers, the answer must be the full reader's under `skip`, and it must give up on anything the
 * reader would treat differently (quotes, carriage returns, bad UTF-8).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countPlainCsv } from '../../../engine/formats/csv-count.js';
import { readRecordBatches } from '../../../engine/formats/read-rows.js';
import { memorySource } from '../data-files.js';

async function fullReader(bytes: Uint8Array, piece: number) {
  let columns: readonly string[] = [];
  let rows = 0;
  let rejected = 0;
  const batches = readRecordBatches(memorySource(bytes, piece), 'csv', {
    onBadRow: 'skip',
    onReject: () => void rejected++,
    onColumns: (names) => void (columns = [...names]),
  });
  for await (const batch of batches) rows += batch.length;
  return { columns, rows, rejected };
}

const outcome = <T>(p: Promise<T>) =>
  p.then(
    (value) => ({ value }),
    (error: unknown) => ({ error: error instanceof Error ? error.message : String(error) }),
  );

describe('countPlainCsv', () => {
  it('gives the full reader answers, or none, on random text cut into random pieces', async () => {
    const unit = fc.constantFrom(
      'a',
      'b',
      ',',
      '\n',
      ' ',
      'é',
      '😀',
      'id',
      'x,y',
      '\n\n',
      '"',
      '\r',
    );
    const bytes = fc.oneof(
      fc.string({ unit, maxLength: 60 }).map((s) => new TextEncoder().encode(s)),
      fc.uint8Array({ maxLength: 40 }),
      fc
        .string({ unit, maxLength: 40 })
        .map((s) => new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(s)])),
    );
    await fc.assert(
      fc.asyncProperty(bytes, fc.integer({ min: 1, max: 9 }), async (data, piece) => {
        const fast = await outcome(countPlainCsv('mem.csv', memorySource(data, piece).stream()));
        const full = await outcome(fullReader(data, piece));
        if ('error' in fast) expect(fast.error).toBe('error' in full ? full.error : undefined);
        else if (fast.value !== undefined)
          expect(fast.value).toEqual('value' in full ? full.value : full);
      }),
      { numRuns: 3000 },
    );
  });

  it('counts a plain file with blank lines, short and long rows and no final newline', async () => {
    const text = 'id,text\n1,a b\n\n2\n3,x,y\n4,é😀';
    const counted = await countPlainCsv('mem.csv', memorySource(text, 5).stream());
    expect(counted).toEqual({ columns: ['id', 'text'], rows: 2, rejected: 2 });
  });

  it('gives up on quotes and carriage returns, which only the full reader handles', async () => {
    for (const text of ['a,b\n"1",2\n', 'a,b\r\n1,2\r\n'])
      expect(await countPlainCsv('mem.csv', memorySource(text).stream())).toBeUndefined();
  });

  it('hashes every byte it reads', async () => {
    const text = 'a,b\n1,2\n';
    let seen = 0;
    await countPlainCsv('mem.csv', memorySource(text, 3).stream(), (b) => void (seen += b.length));
    expect(seen).toBe(text.length);
  });
});
