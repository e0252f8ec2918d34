import { describe, expect, test } from 'vitest';
import { RULES } from '../../../compiler/check/index.js';
import { SEMANTIC_CODES } from '../../../compiler/diagnostics/codes/semantic.js';
import { TARGET_CODES } from '../../../compiler/diagnostics/codes/target.js';

// The catalogue as a whole (bands, unused and untested codes) is tested in
// test/compiler/diagnostics/codes.test.ts; this file checks what rules declare.
const TABLE = { ...SEMANTIC_CODES, ...TARGET_CODES };

describe('check rules', () => {
  test('rules declare only semantic or target codes, and rule names are unique', () => {
    expect(RULES.flatMap((r) => r.codes).filter((c) => !(c in TABLE))).toEqual([]);
    expect(new Set(RULES.map((r) => r.name)).size).toBe(RULES.length);
  });
});
