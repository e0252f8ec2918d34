import { createToken, Lexer, type TokenType } from 'chevrotain';

// Every token says which characters it can start with and whether it can span lines. Chevrotain
// would otherwise work both out by parsing each pattern, in every process that starts (~20 ms);
// test/compiler/syntax/lexer-hints.test.ts holds the hints to what the patterns match.
const DIGITS = [...'0123456789'];
const LETTERS = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'];
/** A token that starts with one character and never spans lines. */
const only = (first: string) => ({ start_chars_hint: [first], line_breaks: false });

// Comments are kept (group "comments") so that `augc fmt` can put them back.
export const WhiteSpace = createToken({
  name: 'WhiteSpace',
  pattern: /[ \t\r\n\f\v\uFEFF]+/,
  group: Lexer.SKIPPED,
  start_chars_hint: [' ', '\t', '\r', '\n', '\f', '\v', '\uFEFF'],
  line_breaks: true,
});
export const LineComment = createToken({
  name: 'LineComment',
  pattern: /(?:\/\/|#)[^\n\r]*/,
  group: 'comments',
  start_chars_hint: ['/', '#'],
  line_breaks: false,
});
export const BlockComment = createToken({
  name: 'BlockComment',
  pattern: /\/\*[\s\S]*?\*\//,
  group: 'comments',
  start_chars_hint: ['/'],
  line_breaks: true,
});
/** Only matches when no closing `*\/` follows: reported as a syntax error. */
export const UnterminatedComment = createToken({
  name: 'UnterminatedComment',
  pattern: /\/\*[\s\S]*/,
  start_chars_hint: ['/'],
  line_breaks: true,
});

export const StringLiteral = createToken({
  name: 'StringLiteral',
  pattern: /"(?:[^"\\\n\r]|\\.)*"/,
  start_chars_hint: ['"'],
  line_breaks: false,
});
/** A string whose closing quote is missing on its line: reported as a syntax error. */
export const UnterminatedString = createToken({
  name: 'UnterminatedString',
  pattern: /"(?:[^"\\\n\r]|\\.)*/,
  start_chars_hint: ['"'],
  line_breaks: false,
});

/**
 * `42`, `-1`, `0.55`, `1_000_000`, `1e-3`, `2GiB`, `30m`, `1.5x`: the unit is validated later.
 * `.5` is matched too, so that it is reported as one bad number instead of a stray `.` and a `5`.
 */
export const NumberLiteral = createToken({
  name: 'NumberLiteral',
  pattern: /-?(?:\d[\d_]*(?:\.\d[\d_]*)?|\.\d[\d_]*)(?:[eE][+-]?\d+)?[A-Za-z]*/,
  start_chars_hint: ['-', '.', ...DIGITS],
  line_breaks: false,
});

export const Identifier = createToken({
  name: 'Identifier',
  pattern: /[A-Za-z_][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*/,
  start_chars_hint: [...LETTERS, '_'],
  line_breaks: false,
});
export const True = createToken({
  name: 'True',
  pattern: /true/,
  longer_alt: Identifier,
  ...only('t'),
});
export const False = createToken({
  name: 'False',
  pattern: /false/,
  longer_alt: Identifier,
  ...only('f'),
});

export const LCurly = createToken({ name: 'LCurly', pattern: /\{/, label: '`{`', ...only('{') });
export const RCurly = createToken({ name: 'RCurly', pattern: /\}/, label: '`}`', ...only('}') });
export const LParen = createToken({ name: 'LParen', pattern: /\(/, label: '`(`', ...only('(') });
export const RParen = createToken({ name: 'RParen', pattern: /\)/, label: '`)`', ...only(')') });
export const LBracket = createToken({
  name: 'LBracket',
  pattern: /\[/,
  label: '`[`',
  ...only('['),
});
export const RBracket = createToken({
  name: 'RBracket',
  pattern: /\]/,
  label: '`]`',
  ...only(']'),
});
export const Equals = createToken({ name: 'Equals', pattern: /=/, label: '`=`', ...only('=') });
export const Comma = createToken({ name: 'Comma', pattern: /,/, label: '`,`', ...only(',') });
export const Plus = createToken({ name: 'Plus', pattern: /\+/, label: '`+`', ...only('+') });
export const Semicolon = createToken({
  name: 'Semicolon',
  pattern: /;/,
  label: '`;`',
  ...only(';'),
});

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
