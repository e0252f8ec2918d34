/**
 * The shared lexer and parser skip chevrotain's definition checks to start faster; this runs them,
 * so a grammar or token change that breaks one fails here instead of going unnoticed.
 */
import { createToken, Lexer } from 'chevrotain';
import { describe, expect, it } from 'vitest';
import { createAugLexer } from '../../../compiler/syntax/lexer.js';
import { AugParser } from '../../../compiler/syntax/parser.js';

describe('grammar validations', () => {
  it('the token definitions pass the lexer checks', () => {
    const lexer = createAugLexer(true);
    expect(lexer.lexerDefinitionErrors).toEqual([]);
  });

  it('the grammar passes the parser checks (ambiguities, left recursion, lookahead)', () => {
    // performSelfAnalysis throws "Parser Definition Errors detected" on any of them.
    expect(() => new AugParser(true)).not.toThrow();
  });

  it('the checks are live: a token that can match the empty string is refused', () => {
    const empty = createToken({ name: 'Empty', pattern: /a*/ });
    expect(() => new Lexer([empty], { skipValidations: false })).toThrow(/empty/i);
  });
});
