import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { CODE_BANDS, CODES } from '../../../compiler/diagnostics/codes/index.js';

function filesUnder(dir: string, keep: (path: string) => boolean): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path, keep);
    return keep(path) ? [path] : [];
  });
}

const SOURCE_DIRS = ['compiler', 'stdlib', 'engine', 'runtimes', 'lsp', 'cli'].filter((d) => {
  try {
    return statSync(d).isDirectory();
  } catch {
    return false;
  }
});
const sources = SOURCE_DIRS.flatMap((d) =>
  filesUnder(d, (p) => p.endsWith('.ts') && !p.includes('/codes/')),
)
  .map((p) => readFileSync(p, 'utf8'))
  .join('\n');
const tests = filesUnder(
  'test',
  (p) => /\.(ts|stderr|json|txt)$/.test(p) && !p.endsWith('codes.test.ts'),
)
  .map((p) => readFileSync(p, 'utf8'))
  .join('\n');

const BAND_PREFIX: Record<string, RegExp> = {
  syntax: /^AUG1\d{3}$/,
  semantic: /^AUG2\d{3}$/,
  plan: /^AUG3\d{3}$/,
  target: /^AUG4\d{3}$/,
  cli: /^AUG50\d{2}$/,
  run: /^AUG51\d{2}$/,
};

describe('diagnostic code catalogue', () => {
  test('every code sits in its band and in exactly one band', () => {
    const seen = new Map<string, string>();
    for (const [band, table] of Object.entries(CODE_BANDS)) {
      for (const code of Object.keys(table)) {
        expect(code, `${code} in band ${band}`).toMatch(BAND_PREFIX[band]!);
        expect(seen.get(code), `${code} is in ${seen.get(code)} and ${band}`).toBeUndefined();
        seen.set(code, band);
      }
    }
  });

  test('names are unique kebab-case and summaries are written', () => {
    const names = Object.values(CODES).map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    for (const [code, info] of Object.entries(CODES)) {
      expect(info.name, code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(info.summary.length, code).toBeGreaterThan(10);
    }
  });

  test('every code is used by the source', () => {
    const live = Object.keys(CODES).filter((code) => CODES[code]?.retired === undefined);
    const unused = live.filter((code) => !sources.includes(code));
    expect(unused).toEqual([]);
  });

  test('a retired code is reported by nothing', () => {
    const retired = Object.keys(CODES).filter((code) => CODES[code]?.retired !== undefined);
    expect(retired.filter((code) => sources.includes(code))).toEqual([]);
  });

  test('every code is exercised by a test', () => {
    const untested = Object.keys(CODES).filter(
      (code) => CODES[code]?.retired === undefined && !tests.includes(code),
    );
    expect(untested).toEqual([]);
  });

  test('the source uses no code missing from the catalogue', () => {
    const used = new Set(sources.match(/AUG\d{4}/g) ?? []);
    expect([...used].filter((code) => !(code in CODES))).toEqual([]);
  });
});
