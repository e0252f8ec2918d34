import { createToken, Lexer, type TokenType } from 'chevrotain';

// Comments are kept (group "comments") so that `augc fmt` can put them back.
export const WhiteSpace = createToken({
  name: 'WhiteSpace',
  pattern: /[ \t\r\n\f\v\uFEFF]+/,
  group: Lexer.SKIPPED,
});
export const LineComment = createToken({
  name: 'LineComment',
  pattern: /(?:\/\/|#)[^\n\r]*/,
  group: 'comments',
});
export const BlockComment = createToken({
  name: 'BlockComment',
  pattern: /\/\*[\s\S]*?\*\//,
  group: 'comments',
  line_breaks: true,
});
/** Only matches when no closing `*\/` follows: reported as a syntax error. */
export const UnterminatedComment = createToken({
  name: 'UnterminatedComment',
  pattern: /\/\*[\s\S]*/,
  line_breaks: true,
});

export const StringLiteral = createToken({
  name: 'StringLiteral',
  pattern: /"(?:[^"\\\n\r]|\\.)*"/,
});
/** A string whose closing quote is missing on its line: reported as a syntax error. */
export const UnterminatedString = createToken({
  name: 'UnterminatedString',
  pattern: /"(?:[^"\\\n\r]|\\.)*/,
});

/**
 * `42`, `-1`, `0.55`, `1_000_000`, `1e-3`, `2GiB`, `30m`, `1.5x`: the unit is validated later.
 * `.5` is matched too, so that it is reported as one bad number instead of a stray `.` and a `5`.
 */
export const NumberLiteral = createToken({
  name: 'NumberLiteral',
  pattern: /-?(?:\d[\d_]*(?:\.\d[\d_]*)?|\.\d[\d_]*)(?:[eE][+-]?\d+)?[A-Za-z]*/,
});

export const Identifier = createToken({
  name: 'Identifier',
  pattern: /[A-Za-z_][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*/,
});
export const True = createToken({ name: 'True', pattern: /true/, longer_alt: Identifier });
export const False = createToken({ name: 'False', pattern: /false/, longer_alt: Identifier });

export const LCurly = createToken({ name: 'LCurly', pattern: /\{/, label: '`{`' });
export const RCurly = createToken({ name: 'RCurly', pattern: /\}/, label: '`}`' });
export const LParen = createToken({ name: 'LParen', pattern: /\(/, label: '`(`' });
export const RParen = createToken({ name: 'RParen', pattern: /\)/, label: '`)`' });
export const LBracket = createToken({ name: 'LBracket', pattern: /\[/, label: '`[`' });
export const RBracket = createToken({ name: 'RBracket', pattern: /\]/, label: '`]`' });
export const Equals = createToken({ name: 'Equals', pattern: /=/, label: '`=`' });
export const Comma = createToken({ name: 'Comma', pattern: /,/, label: '`,`' });
export const Plus = createToken({ name: 'Plus', pattern: /\+/, label: '`+`' });
export const Semicolon = createToken({ name: 'Semicolon', pattern: /;/, label: '`;`' });

export const allTokens: TokenType[] = [
  WhiteSpace,
  BlockComment,
  UnterminatedComment,
  LineComment,
  StringLiteral,
  UnterminatedString,
  NumberLiteral,
  True,
  False,
  Identifier,
  LCurly,
  RCurly,
  LParen,
  RParen,
  LBracket,
  RBracket,
  Equals,
  Comma,
  Plus,
  Semicolon,
];

/**
 * `ensureOptimizations` makes a slow lexer an error, not a surprise. `validate` runs chevrotain's
 * checks of the token definitions; the shared lexer, built once at module load, skips them (start-up
 * time) and `test/compiler/syntax/grammar-validations.test.ts` runs them.
 */
export function createAugLexer(validate = false): Lexer {
  return new Lexer(allTokens, {
    positionTracking: 'full',
    ensureOptimizations: true,
    skipValidations: !validate,
  });
}

export const augLexer = createAugLexer();
