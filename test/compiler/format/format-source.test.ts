import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { formatSource } from '../../../compiler/format/format-source.js';
import { parseSource } from '../../../compiler/syntax/parse-source.js';

/** The syntax tree without spans: formatting must never change meaning. */
function meaning(text: string): unknown {
  const tree = parseSource('t.aug', text).value;
  return JSON.parse(
    JSON.stringify(tree?.statements, (key, value) => (key === 'span' ? undefined : value)),
  );
}

function fmt(text: string): string {
  const result = formatSource(text, 't.aug');
  if (result.value === undefined) throw new Error(JSON.stringify(result.diagnostics));
  return result.value;
}

describe('formatSource', () => {
  test('lays out statements canonically', () => {
    const input =
      'pipeline   "p"{seed=42  variants =2\n\n\n input "d.csv" {text=["a","b"]  format=csv}\n' +
      'combos{exclude=[a+b]} method x=f( a=1,b = 2 ) resources{ }}';
    expect(fmt(input)).toBe(
      'pipeline "p" {\n  seed = 42\n  variants = 2\n\n  input "d.csv" {\n    text = ["a", "b"]\n' +
        '    format = csv\n  }\n  combos {\n    exclude = [a + b]\n  }\n  method x = f(a = 1, b = 2)\n' +
        '  resources {}\n}\n',
    );
  });

  test('keeps comments, leading and trailing, and literals as written', () => {
    const input =
      '# head\npipeline "p" { // trailing\n  // lead\n  n = 1_000_000 /* b */\n  s = "a\\n"\n  // last\n}\n';
    expect(fmt(input)).toBe(
      '# head\npipeline "p" { // trailing\n  // lead\n  n = 1_000_000 /* b */\n  s = "a\\n"\n  // last\n}\n',
    );
  });

  test('breaks long lists one item per line', () => {
    const items = Array.from({ length: 12 }, (_, i) => `"column_number_${i}"`).join(', ');
    const out = fmt(`keep = [${items}]\n`);
    expect(out.split('\n')[0]).toBe('keep = [');
    expect(out.split('\n')[1]).toBe('  "column_number_0",');
    expect(meaning(out)).toEqual(meaning(`keep = [${items}]\n`));
  });

  test('refuses a file with syntax errors and returns the diagnostics', () => {
    const result = formatSource('pipeline "p" {', 't.aug');
    expect(result.value).toBeUndefined();
    expect(result.diagnostics.map((d) => d.code)).toEqual(['AUG1005']);
  });

  test('is idempotent and meaning-preserving on every example', () => {
    const files = readdirSync('examples').filter((f) => f.endsWith('.aug'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const text = readFileSync(`examples/${file}`, 'utf8');
      const once = fmt(text);
      expect(fmt(once), file).toBe(once);
      expect(meaning(once), file).toEqual(meaning(text));
    }
  });
});
