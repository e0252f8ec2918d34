/**
 * Line templates (a task's variants of one row share all cells but a few) must write exactly the
 * bytes the row encoders write for the merged row: outputs stay byte-identical whichever is used.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvEncoder, jsonlEncoder } from '../../../engine/formats/text-writers.js';
import type { CellValue, TableRow } from '../../../stdlib/method.js';

const cell = fc.oneof(
  fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r', ' ', 'é', '😀'), maxLength: 6 }),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
);
// Integer-like names come first in a JavaScript object whatever their place (JSON keeps that).
const name = fc.constantFrom('id', 'text', '2', '10', 'augc_variant', 'a b', 'x"y', 'label');

const cases = fc.uniqueArray(name, { minLength: 1, maxLength: 6 }).chain((columns) =>
  fc.record({
    columns: fc.constant(columns),
    varying: fc.subarray(columns),
    row: fc.tuple(...columns.map(() => cell)),
    values: fc.array(fc.tuple(...columns.map(() => cell)), { minLength: 1, maxLength: 3 }),
  }),
);

describe('line templates', () => {
  for (const [format, make] of [
    ['csv', csvEncoder],
    ['jsonl', jsonlEncoder],
  ] as const) {
    it(`write the bytes ${format} rows would (random columns, cells, varying sets)`, () => {
      fc.assert(
        fc.property(cases, ({ columns, varying, row, values }) => {
          const encoder = make(columns);
          const base: TableRow = Object.fromEntries(columns.map((c, k) => [c, row[k] ?? null]));
          const lines = encoder.template(varying);
          const parts = lines.prepare(base);
          for (const variant of values) {
            const vary: CellValue[] = varying.map((c) => variant[columns.indexOf(c)] ?? null);
            const merged: TableRow = { ...base };
            varying.forEach((c, k) => (merged[c] = vary[k] ?? null));
            expect(lines.line(parts, vary)).toBe(encoder.encode(merged));
          }
        }),
        { numRuns: 400 },
      );
    });
  }

  it('keeps a one-column CSV line non-blank when its value is empty', () => {
    const lines = csvEncoder(['t']).template(['t']);
    expect(lines.line(lines.prepare({}), [''])).toBe('""\n');
  });
});
