/**
 * The tokens carry start-character and line-break hints so that chevrotain need not analyse their
 * patterns at start-up. A wrong hint would silently change lexing, so the shared lexer must give
 * exactly the tokens (with lines and columns) and errors of a lexer built from the same patterns
 * without hints, which chevrotain analyses itself.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createToken, Lexer, type ILexingResult, type TokenType } from 'chevrotain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allTokens, augLexer } from '../../../compiler/syntax/lexer.js';

/** The same tokens as plain patterns: no hints, chevrotain works them out. */
function unhinted(): Lexer {
  const copies = new Map<TokenType, TokenType>();
  const copy = (t: TokenType): TokenType => {
    const alt = t.LONGER_ALT as TokenType | undefined;
    const made = createToken({
      name: t.name,
      pattern: t.PATTERN as RegExp,
      ...(t.GROUP !== undefined ? { group: t.GROUP } : {}),
      ...(t.LABEL !== undefined ? { label: t.LABEL } : {}),
      ...(alt !== undefined ? { longer_alt: copies.get(alt) ?? copy(alt) } : {}),
    });
    copies.set(t, made);
    return made;
  };
  const tokens = allTokens.map((t) => copies.get(t) ?? copy(t));
  return new Lexer(tokens, { positionTracking: 'full', ensureOptimizations: true });
}

const reference = unhinted();

function shape(result: ILexingResult) {
  const token = (t: ILexingResult['tokens'][number]) => [
    t.tokenType.name,
    t.image,
    t.startOffset,
    t.startLine,
    t.startColumn,
    t.endLine,
    t.endColumn,
  ];
  return {
    tokens: result.tokens.map(token),
    comments: (result.groups['comments'] ?? []).map(token),
    errors: result.errors.map((e) => [e.offset, e.length, e.line, e.column, e.message]),
  };
}

describe('lexer hints', () => {
  it('lex the examples as the patterns alone do', () => {
    const files = readdirSync('examples').filter((f) => f.endsWith('.aug'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const text = readFileSync(join('examples', file), 'utf8');
      expect(shape(augLexer.tokenize(text)), file).toEqual(shape(reference.tokenize(text)));
    }
  });

  it('lex random text as the patterns alone do', () => {
    const unit = fc.constantFrom(
      ...'aZ_t f0 9-.eE"\\/#*{}()[]=,+;\t\r\n\f\v\uFEFFé€😀!%'.split(''),
      'true',
      'false',
      '//',
      '/*',
      '*/',
      '1e-3',
      '2GiB',
      '\r\n',
    );
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 40 }), (text) => {
        expect(shape(augLexer.tokenize(text))).toEqual(shape(reference.tokenize(text)));
      }),
      { numRuns: 3000 },
    );
  });
});
