import { describe, expect, test } from 'vitest';
import { formatBytes, formatSeconds, toQuantity } from '../../../compiler/ast/index.js';
import type { NumberLit } from '../../../compiler/syntax/tree.js';
import { check, pipeline, spanText, summary } from '../check/support.js';

const span = { file: 'x', start: 0, end: 1 };
const lit = (value: number, unit?: string): NumberLit => ({
  kind: 'number',
  value,
  raw: `${value}${unit ?? ''}`,
  span,
  ...(unit ? { unit } : {}),
});

describe('units', () => {
  test('memory units: binary and decimal', () => {
    expect(toQuantity(lit(2, 'GiB'), 'bytes', 'memory').value).toBe(2 * 1024 ** 3);
    expect(toQuantity(lit(2, 'GB'), 'bytes', 'memory').value).toBe(2e9);
    expect(toQuantity(lit(512, 'KiB'), 'bytes', 'memory').value).toBe(512 * 1024);
    expect(toQuantity(lit(1, 'TB'), 'bytes', 'memory').value).toBe(1e12);
  });

  test('durations and factors', () => {
    expect(toQuantity(lit(30, 'm'), 'seconds', 'walltime').value).toBe(1800);
    expect(toQuantity(lit(1, 'd'), 'seconds', 'walltime').value).toBe(86_400);
    expect(toQuantity(lit(250, 'ms'), 'seconds', 'walltime').value).toBe(0.25);
    expect(toQuantity(lit(1.5, 'x'), 'factor', 'memory').value).toBe(1.5);
    expect(toQuantity(lit(2), 'factor', 'memory').value).toBe(2);
  });

  test('a missing unit is AUG2005 with an example', () => {
    const r = toQuantity(lit(4), 'bytes', 'memory');
    expect(r.value).toBeUndefined();
    expect(r.diagnostics.map((d) => d.code)).toEqual(['AUG2005']);
    expect(r.diagnostics[0]!.message).toBe('`memory` needs a memory size with a unit, found `4`');
  });

  test('a unit of the wrong kind, or unknown, is AUG2006', () => {
    const wrong = toQuantity(lit(30, 'm'), 'bytes', 'memory').diagnostics[0]!;
    expect(wrong.code).toBe('AUG2006');
    expect(wrong.message).toBe('`memory` needs a memory size, but `m` is the unit of a duration');
    const unknown = toQuantity(lit(2, 'Gib'), 'bytes', 'memory').diagnostics[0]!;
    expect(unknown.message).toBe('unknown unit `Gib` in `2Gib`');
    expect(unknown.help).toMatch(/^did you mean `GiB`/);
  });

  test('formatting for messages', () => {
    expect(formatBytes(16 * 1024 ** 3)).toBe('16GiB');
    expect(formatBytes(1500)).toBe('1500B');
    expect(formatSeconds(5400)).toBe('90m');
    expect(formatSeconds(7200)).toBe('2h');
  });

  test('unit errors in a pipeline point at the number', () => {
    const text = pipeline('  resources { memory = 4  walltime = 2GiB  cpus = 2x }');
    const files = { 'main.aug': text };
    const { diagnostics } = check(text);
    expect(summary(diagnostics, files)).toEqual([
      'AUG2005@main.aug:5:24',
      'AUG2006@main.aug:5:38',
      'AUG2006@main.aug:5:51',
    ]);
    expect(spanText(diagnostics[1]!, files)).toBe('2GiB');
    expect(diagnostics[2]!.message).toBe('`cpus` is a plain number and takes no unit, found `2x`');
  });
});
