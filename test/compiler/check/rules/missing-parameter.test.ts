import { describe, expect, test, vi } from 'vitest';
import type * as Catalog from '../../../../stdlib/catalog/index.js';
import { check, pipeline, spanText, summary } from '../support.js';

// The shipped catalogue gives every parameter a default, so a method with a required one is added.
vi.mock('../../../../stdlib/catalog/index.js', async (importOriginal) => {
  const real = await importOriginal<typeof Catalog>();
  const needsX: Catalog.MethodSpec = {
    name: 'needs_x',
    domain: 'text',
    summary: 's',
    doc: 'd',
    params: [
      { name: 'x', type: 'number', required: true, doc: 'The x value.' },
      { name: 'y', type: 'number', default: 1, doc: 'y' },
    ],
    countRule: 'none',
    labelSafe: true,
    gpu: false,
  };
  return {
    ...real,
    findMethod: (name: string) =>
      name === 'needs_x'
        ? { spec: needsX, aliasParams: {} }
        : name === 'needs_x_alias'
          ? { spec: needsX, aliasParams: { x: 2 }, alias: name }
          : real.findMethod(name),
  };
});

describe('missing-parameter', () => {
  test('given or defaulted parameters pass', () => {
    expect(
      check(pipeline('  method s = spelling()\n  method n = needs_x(x = 1)')).diagnostics,
    ).toEqual([]);
  });

  test('an alias that sets the parameter satisfies it', () => {
    expect(check(pipeline('  method n = needs_x_alias()')).diagnostics).toEqual([]);
  });

  test('a required parameter is reported at the method name called', () => {
    const text = pipeline('  method n = needs_x(y = 2)');
    const files = { 'main.aug': text };
    const { diagnostics } = check(text);
    expect(summary(diagnostics, files)).toEqual(['AUG2103@main.aug:5:14']);
    expect(spanText(diagnostics[0]!, files)).toBe('needs_x');
    expect(diagnostics[0]!.message).toBe('`needs_x` needs the parameter `x`');
    expect(diagnostics[0]!.help).toBe('add `x = ...` (The x value)');
  });
});
