/**
 * The TextMate grammar of editors/vscode, run by the engine VS Code uses (vscode-textmate over
 * the Oniguruma regex library compiled to wasm, loaded from node_modules): sample lines get the
 * scopes themes colour by, and every example file tokenizes with no open string, call or list
 * left at its end.
 */
import { readdirSync, readFileSync } from 'node:fs';
import oniguruma from 'vscode-oniguruma';
import textmate, { type IGrammar, type StateStack } from 'vscode-textmate';
import { beforeAll, describe, expect, it } from 'vitest';

const GRAMMAR = 'editors/vscode/syntaxes/aug.tmLanguage.json';
let grammar: IGrammar;

beforeAll(async () => {
  const wasm = readFileSync('node_modules/vscode-oniguruma/release/onig.wasm');
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns) => oniguruma.createOnigScanner(patterns),
      createOnigString: (s) => oniguruma.createOnigString(s),
    }),
    loadGrammar: async (scope) =>
      scope === 'source.aug'
        ? textmate.parseRawGrammar(readFileSync(GRAMMAR, 'utf8'), GRAMMAR)
        : null,
  });
  const loaded = await registry.loadGrammar('source.aug');
  if (!loaded) throw new Error('the grammar did not load');
  grammar = loaded;
});

interface Token {
  text: string;
  scopes: string[];
}

function tokenize(lines: string[]): { tokens: Token[][]; end: StateStack } {
  let state: StateStack = textmate.INITIAL;
  const tokens = lines.map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens.map((t) => ({
      text: line.slice(t.startIndex, t.endIndex),
      scopes: t.scopes,
    }));
  });
  return { tokens, end: state };
}

/** The innermost scope of the token that is exactly `text` on a one-line sample. */
function scopeOf(line: string, text: string): string | undefined {
  const found = tokenize([line]).tokens[0]!.find((t) => t.text === text);
  return found?.scopes.at(-1);
}

describe('the .aug TextMate grammar', () => {
  it('scopes method declarations, calls and their parameters', () => {
    const line = '  method syn = wordnet_synonym(aug_p = 0.1, aug_max = 3)';
    expect(scopeOf(line, 'method')).toBe('storage.type.method.aug');
    expect(scopeOf(line, 'syn')).toBe('entity.name.function.aug');
    expect(scopeOf(line, 'wordnet_synonym')).toBe('entity.name.function.call.aug');
    expect(scopeOf(line, 'aug_p')).toBe('variable.parameter.aug');
    expect(scopeOf(line, '0.1')).toBe('constant.numeric.aug');
  });

  it('scopes quantities with their unit apart', () => {
    const line = 'resources { cpus = 4  memory = 16GiB  walltime = 2h }';
    expect(scopeOf(line, 'resources')).toBe('keyword.other.block.aug');
    expect(scopeOf(line, 'memory')).toBe('variable.other.property.aug');
    expect(scopeOf(line, '16')).toBe('constant.numeric.aug');
    expect(scopeOf(line, 'GiB')).toBe('keyword.other.unit.aug');
    expect(scopeOf(line, 'h')).toBe('keyword.other.unit.aug');
    expect(scopeOf('chunk { rows = 1_000_000 }', '1_000_000')).toBe('constant.numeric.aug');
  });

  it('scopes strings, their escapes, and both kinds of line comment', () => {
    const line = 'id = "a\\tb // not a comment" // a comment';
    expect(scopeOf(line, '\\t')).toBe('constant.character.escape.aug');
    expect(scopeOf(line, ' // a comment')).toBeUndefined();
    expect(tokenize([line]).tokens[0]!.at(-1)).toEqual({
      text: ' a comment',
      scopes: ['source.aug', 'comment.line.double-slash.aug'],
    });
    expect(scopeOf('# hash comment', ' hash comment')).toBe('comment.line.number-sign.aug');
    expect(scopeOf('x = "bad \\q escape"', '\\q')).toBe('invalid.illegal.escape.aug');
  });

  it('scopes include and import paths, targets, profiles and combos', () => {
    expect(scopeOf('include "conf/targets.aug"', '"conf/targets.aug"')).toBe(
      'string.quoted.double.path.aug',
    );
    expect(scopeOf('import "conf/m.yaml"', 'import')).toBe('keyword.control.import.aug');
    expect(scopeOf('target aws-batch { queue = "q" }', 'aws-batch')).toBe(
      'entity.name.type.target.aug',
    );
    expect(scopeOf('profile quick {', 'quick')).toBe('entity.name.section.profile.aug');
    const combos = 'combos { exclude = [typo + spell]  all = false }';
    expect(scopeOf(combos, '+')).toBe('keyword.operator.combine.aug');
    expect(scopeOf(combos, 'typo')).toBe('variable.other.name.aug');
    expect(scopeOf(combos, 'false')).toBe('constant.language.boolean.aug');
    expect(scopeOf('on = [oom, exit(137)]', 'exit')).toBe('entity.name.function.call.aug');
  });

  it('carries a block comment and a multi-line call across lines', () => {
    const { tokens, end } = tokenize([
      '/* two',
      '   lines */ seed = 1',
      'method m = command(',
      '  "python x.py",',
      ')',
    ]);
    expect(tokens[1]![0]!.scopes.at(-1)).toBe('comment.block.aug');
    expect(tokens[1]!.find((t) => t.text === 'seed')?.scopes.at(-1)).toBe(
      'variable.other.property.aug',
    );
    expect(tokens[3]!.find((t) => t.text === 'python x.py')?.scopes).toContain(
      'meta.function-call.aug',
    );
    expect(end.depth).toBe(textmate.INITIAL.depth);
  });

  for (const file of readdirSync('examples').filter((f) => f.endsWith('.aug')))
    it(`tokenizes examples/${file} with nothing left open and nothing invalid`, () => {
      const lines = readFileSync(`examples/${file}`, 'utf8').split('\n');
      const { tokens, end } = tokenize(lines);
      expect(end.depth).toBe(textmate.INITIAL.depth);
      const invalid = tokens.flat().filter((t) => t.scopes.some((s) => s.startsWith('invalid')));
      expect(invalid).toEqual([]);
      lines.forEach((line, i) => {
        if (/^\s*\/\//.test(line))
          expect(tokens[i]!.at(-1)!.scopes, line).toContain('comment.line.double-slash.aug');
      });
    });
});
