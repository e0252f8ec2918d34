import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../../compiler/diagnostics/diagnostic.js';
import { renderHuman } from '../../../../compiler/diagnostics/render/human.js';

const FILE = 'examples/x.aug';
const TEXT = [
  'pipeline "x" {',
  '  method syn = wordnet_synonm(aug_p = 0.1)',
  '  method syn = keyboard_typo()',
  '  variants = 2',
  '\tseed = "a"',
  '}',
  '',
].join('\n');
const sources = new Map([[FILE, TEXT]]);

function at(needle: string, occurrence = 0): { file: string; start: number; end: number } {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = TEXT.indexOf(needle, start + 1);
  if (start < 0) throw new Error(`no ${needle}`);
  return { file: FILE, start, end: start + needle.length };
}

/** The name in the n-th `method syn` declaration. */
function syn(occurrence: number): { file: string; start: number; end: number } {
  const { start } = at('method syn', occurrence);
  return { file: FILE, start: start + 7, end: start + 10 };
}

const unknown: Diagnostic = {
  code: 'AUG2001',
  severity: 'error',
  message: 'unknown method `wordnet_synonm`',
  span: at('wordnet_synonm'),
  help: 'did you mean `wordnet_synonym`?',
};

describe('renderHuman', () => {
  it('renders a primary span with help and a summary', () => {
    expect(renderHuman([unknown], sources, { color: false })).toBe(
      [
        'error[AUG2001]: unknown method `wordnet_synonm`',
        ' --> examples/x.aug:2:16',
        '  |',
        '2 |   method syn = wordnet_synonm(aug_p = 0.1)',
        '  |                ^^^^^^^^^^^^^^',
        '  |',
        '  = help: did you mean `wordnet_synonym`?',
        '',
        'error: could not compile `x.aug` due to 1 previous error',
        '',
      ].join('\n'),
    );
  });

  it('shows related info in the same file as a secondary label', () => {
    const dup: Diagnostic = {
      code: 'AUG2002',
      severity: 'error',
      message: 'method `syn` is defined twice',
      span: syn(1),
      related: [{ span: syn(0), message: 'first defined here' }],
      notes: ['method names must be unique'],
    };
    expect(renderHuman([dup], sources, { color: false })).toBe(
      [
        'error[AUG2002]: method `syn` is defined twice',
        ' --> examples/x.aug:3:10',
        '  |',
        '2 |   method syn = wordnet_synonm(aug_p = 0.1)',
        '  |          --- first defined here',
        '3 |   method syn = keyboard_typo()',
        '  |          ^^^',
        '  |',
        '  = note: method names must be unique',
        '',
        'error: could not compile `x.aug` due to 1 previous error',
        '',
      ].join('\n'),
    );
  });

  it('shows related info in another file as its own note section', () => {
    const other = 'method syn = spelling()\n';
    const dup: Diagnostic = {
      code: 'AUG2002',
      severity: 'error',
      message: 'method `syn` is defined twice',
      span: syn(1),
      related: [{ span: { file: 'frag.aug', start: 7, end: 10 }, message: 'first defined here' }],
    };
    const all = new Map([...sources, ['frag.aug', other]]);
    expect(renderHuman([dup], all, { color: false })).toBe(
      [
        'error[AUG2002]: method `syn` is defined twice',
        ' --> examples/x.aug:3:10',
        '  |',
        '3 |   method syn = keyboard_typo()',
        '  |          ^^^',
        'note: first defined here',
        ' --> frag.aug:1:8',
        '  |',
        '1 | method syn = spelling()',
        '  |        ^^^',
        '',
        'error: could not compile `x.aug` due to 1 previous error',
        '',
      ].join('\n'),
    );
  });

  it('underlines a multi-line span to the end of its first line and expands tabs', () => {
    const multi: Diagnostic = {
      code: 'AUG2003',
      severity: 'warning',
      message: 'odd block',
      span: { file: FILE, start: TEXT.indexOf('variants'), end: TEXT.indexOf('}') },
    };
    const tab: Diagnostic = {
      code: 'AUG2004',
      severity: 'error',
      message: 'expected an integer, found a string',
      span: at('"a"'),
    };
    expect(renderHuman([multi, tab], sources, { color: false, subject: 'x' })).toBe(
      [
        'warning[AUG2003]: odd block',
        ' --> examples/x.aug:4:3',
        '  |',
        '4 |   variants = 2',
        '  |   ^^^^^^^^^^^^',
        '',
        'error[AUG2004]: expected an integer, found a string',
        ' --> examples/x.aug:5:9',
        '  |',
        '5 |     seed = "a"',
        '  |            ^^^',
        '',
        'error: could not compile `x` due to 1 previous error; 1 warning emitted',
        '',
      ].join('\n'),
    );
  });

  it('widens the gutter for two-digit lines and elides long gaps', () => {
    const text = Array.from({ length: 12 }, (_, i) => `line${i + 1}`).join('\n');
    const d: Diagnostic = {
      code: 'AUG2002',
      severity: 'error',
      message: 'dup',
      span: { file: 'a.aug', start: text.indexOf('line12'), end: text.indexOf('line12') + 6 },
      related: [{ span: { file: 'a.aug', start: 0, end: 5 }, message: 'here' }],
    };
    expect(renderHuman([d], new Map([['a.aug', text]]), { color: false })).toBe(
      [
        'error[AUG2002]: dup',
        '  --> a.aug:12:1',
        '   |',
        ' 1 | line1',
        '   | ----- here',
        '...',
        '12 | line12',
        '   | ^^^^^^',
        '',
        'error: could not compile `a.aug` due to 1 previous error',
        '',
      ].join('\n'),
    );
  });

  it('renders span-less and source-less diagnostics, and warnings-only summaries', () => {
    const noSpan: Diagnostic = { code: 'AUG5001', severity: 'warning', message: 'w', help: 'h' };
    const noSource: Diagnostic = {
      code: 'AUG2005',
      severity: 'warning',
      message: 'bad value',
      span: { file: '<--set>', start: 0, end: 3 },
    };
    expect(renderHuman([noSpan, noSource], new Map(), { color: false, subject: 'p.aug' })).toBe(
      [
        'warning[AUG5001]: w',
        '  |',
        '  = help: h',
        '',
        'warning[AUG2005]: bad value',
        ' --> <--set>',
        '',
        'warning: `p.aug` generated 2 warnings',
        '',
      ].join('\n'),
    );
  });

  it('points at the end of a line for an empty span at end of file', () => {
    const d: Diagnostic = {
      code: 'AUG1001',
      severity: 'error',
      message: 'expected `}`',
      span: { file: 'b.aug', start: 11, end: 11 },
    };
    expect(renderHuman([d], new Map([['b.aug', 'pipeline {\n']]), { color: false })).toBe(
      [
        'error[AUG1001]: expected `}`',
        ' --> b.aug:2:1',
        '  |',
        '2 |',
        '  | ^',
        '',
        'error: could not compile `b.aug` due to 1 previous error',
        '',
      ].join('\n'),
    );
  });

  it('returns nothing for no diagnostics and colours only when asked', () => {
    expect(renderHuman([], sources, { color: false })).toBe('');
    const plain = renderHuman([unknown], sources, { color: false });
    const coloured = renderHuman([unknown], sources, { color: true });
    expect(plain).not.toContain('\x1b[');
    expect(coloured).toContain('\x1b[1;31merror[AUG2001]\x1b[0m');
    expect(coloured.replace(/\x1b\[[0-9;]*m/g, '')).toBe(plain);
  });
});
