import {
  CstParser,
  EOF,
  type IParserErrorMessageProvider,
  type TokenType,
  type IToken,
} from 'chevrotain';
import {
  allTokens,
  Comma,
  Equals,
  False,
  Identifier,
  LBracket,
  LCurly,
  LParen,
  NumberLiteral,
  Plus,
  RBracket,
  RCurly,
  RParen,
  Semicolon,
  StringLiteral,
  True,
} from './lexer.js';

function describeToken(token: IToken): string {
  return token.tokenType === EOF ? 'end of file' : `\`${token.image}\``;
}

function describeType(type: TokenType): string {
  if (type === EOF) return 'end of file';
  if (type === Identifier) return 'a name';
  if (type === StringLiteral) return 'a string';
  if (type === NumberLiteral) return 'a number';
  return typeof type.LABEL === 'string' ? type.LABEL : type.name;
}

/** Short, rustc-like messages instead of chevrotain's defaults. */
const messages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage: ({ expected, actual }) =>
    `expected ${describeType(expected)}, found ${describeToken(actual)}`,
  buildNotAllInputParsedMessage: ({ firstRedundant }) =>
    `expected a statement, found ${describeToken(firstRedundant)}`,
  buildNoViableAltMessage: ({ actual, ruleName }) => {
    const found = actual[0];
    const what = ruleName === 'term' ? 'a value' : 'a statement';
    return `expected ${what}, found ${found ? describeToken(found) : 'end of file'}`;
  },
  buildEarlyExitMessage: ({ actual }) => {
    const found = actual[0];
    return `expected a statement, found ${found ? describeToken(found) : 'end of file'}`;
  },
};

/**
 * The grammar is a pure CST grammar; `cst-to-tree.ts` turns its output into the syntax tree.
 * Labels must sit on the keyword's line: that is what ends a statement such as `include "x.aug"`
 * that has neither a value nor a body.
 */
export class AugParser extends CstParser {
  /**
   * `validate` runs chevrotain's grammar validations (ambiguities, left recursion...). They find
   * nothing in a grammar that passed them once and cost ~20 ms of every start-up, so the shared
   * instance skips them; `test/compiler/syntax/grammar-validations.test.ts` runs them.
   */
  constructor(validate = false) {
    super(allTokens, {
      recoveryEnabled: true,
      errorMessageProvider: messages,
      maxLookahead: 3,
      nodeLocationTracking: 'onlyOffset',
      skipValidations: !validate,
    });
    this.performSelfAnalysis();
  }

  public file = this.RULE('file', () => {
    this.MANY(() => this.SUBRULE(this.statement));
  });

  public statement = this.RULE('statement', () => {
    const keyword = this.CONSUME(Identifier);
    this.MANY({
      GATE: () => this.LA(1).startLine === keyword.startLine,
      DEF: () =>
        this.OR([
          { ALT: () => this.CONSUME2(Identifier, { LABEL: 'label' }) },
          { ALT: () => this.CONSUME(StringLiteral, { LABEL: 'label' }) },
        ]),
    });
    this.OPTION(() => {
      const equals = this.CONSUME(Equals);
      // A value must start on the line of its `=`, so `seed =` followed by a new statement is an
      // error about the missing value, not a value taken from the next line.
      this.OPTION4({
        GATE: () => this.LA(1).startLine === equals.startLine,
        DEF: () => this.SUBRULE(this.expr),
      });
    });
    this.OPTION2(() => {
      this.CONSUME(LCurly);
      this.MANY2(() => this.SUBRULE(this.statement));
      this.CONSUME(RCurly);
    });
    this.OPTION3(() => this.CONSUME(Semicolon));
  });

  public expr = this.RULE('expr', () => {
    this.SUBRULE(this.term);
    this.MANY(() => {
      this.CONSUME(Plus);
      this.SUBRULE2(this.term);
    });
  });

  public term = this.RULE('term', () => {
    this.OR([
      { ALT: () => this.CONSUME(StringLiteral) },
      { ALT: () => this.CONSUME(NumberLiteral) },
      { ALT: () => this.CONSUME(True) },
      { ALT: () => this.CONSUME(False) },
      { ALT: () => this.SUBRULE(this.list) },
      { ALT: () => this.SUBRULE(this.call) },
    ]);
  });

  /** A name, or a call when `(` follows. */
  public call = this.RULE('call', () => {
    this.CONSUME(Identifier);
    this.OPTION(() => {
      this.CONSUME(LParen);
      this.OPTION2(() => {
        this.SUBRULE(this.arg);
        this.MANY({
          GATE: () => this.LA(2).tokenType !== RParen,
          DEF: () => {
            this.CONSUME(Comma);
            this.SUBRULE2(this.arg);
          },
        });
        this.OPTION3(() => this.CONSUME2(Comma));
      });
      this.CONSUME(RParen);
    });
  });

  public arg = this.RULE('arg', () => {
    this.OPTION({
      GATE: () => this.LA(1).tokenType === Identifier && this.LA(2).tokenType === Equals,
      DEF: () => {
        this.CONSUME(Identifier);
        this.CONSUME(Equals);
      },
    });
    this.SUBRULE(this.expr);
  });

  public list = this.RULE('list', () => {
    this.CONSUME(LBracket);
    this.OPTION(() => {
      this.SUBRULE(this.expr);
      this.MANY({
        GATE: () => this.LA(2).tokenType !== RBracket,
        DEF: () => {
          this.CONSUME(Comma);
          this.SUBRULE2(this.expr);
        },
      });
      this.OPTION2(() => this.CONSUME2(Comma));
    });
    this.CONSUME(RBracket);
  });
}

/** One parser instance, reused (chevrotain's recommended usage). */
export const augParser = new AugParser();
