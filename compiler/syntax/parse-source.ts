import type { ILexingError, IRecognitionException, IToken } from 'chevrotain';
import type { Diagnostic, Result, Span } from '../diagnostics/diagnostic.js';
import { TreeBuilder } from './cst-to-tree.js';
import { augLexer, StringLiteral, UnterminatedComment, UnterminatedString } from './lexer.js';
import { augParser } from './parser.js';
import type { Comment, SourceFile } from './tree.js';

function lexerDiagnostic(file: string, text: string, error: ILexingError): Diagnostic {
  const ch = text.slice(error.offset, error.offset + error.length);
  const shown = JSON.stringify(ch).slice(1, -1);
  return {
    code: 'AUG1001',
    severity: 'error',
    message: `unexpected character \`${shown}\``,
    span: { file, start: error.offset, end: error.offset + Math.max(1, error.length) },
  };
}

function badTokenDiagnostic(file: string, token: IToken): Diagnostic {
  const start = token.startOffset;
  if (token.tokenType === UnterminatedString) {
    return {
      code: 'AUG1002',
      severity: 'error',
      message: 'unterminated string',
      span: { file, start, end: start + 1 },
      help: 'close the string with `"` on the same line; write a line break as `\\n`',
    };
  }
  return {
    code: 'AUG1003',
    severity: 'error',
    message: 'unterminated block comment',
    span: { file, start, end: start + 2 },
    help: 'close the comment with `*/`',
  };
}

/**
 * A missing `)` or `}` is noticed at the next token, often on a later line; pointing just after
 * the last token before it shows where the missing token belongs.
 */
function missingTokenSpan(file: string, error: IRecognitionException): Span | undefined {
  const previous = (error as { previousToken?: IToken }).previousToken;
  const token = error.token;
  if (error.name !== 'MismatchedTokenException' || !previous || !Number.isFinite(token.startOffset))
    return undefined;
  if (!Number.isFinite(previous.endOffset) || (previous.endLine ?? 0) >= (token.startLine ?? 0))
    return undefined;
  const end = (previous.endOffset ?? previous.startOffset) + 1;
  return { file, start: end, end };
}

function parserDiagnostic(file: string, text: string, error: IRecognitionException): Diagnostic {
  const token = error.token;
  const atEof = !Number.isFinite(token.startOffset);
  const span: Span = atEof
    ? { file, start: text.length, end: text.length }
    : (missingTokenSpan(file, error) ?? {
        file,
        start: token.startOffset,
        end: (token.endOffset ?? token.startOffset) + 1,
      });
  const inTerm = error.name === 'NoViableAltException' && error.context.ruleStack.at(-1) === 'term';
  return { code: inTerm ? 'AUG1006' : 'AUG1005', severity: 'error', message: error.message, span };
}

/** Recovery: an unterminated string is read as if closed at the end of its line. */
function closeString(token: IToken): IToken {
  if (token.tokenType !== UnterminatedString) return token;
  return {
    ...token,
    tokenType: StringLiteral,
    tokenTypeIdx: StringLiteral.tokenTypeIdx ?? 0,
    image: `${token.image}"`,
  };
}

function collectComments(file: string, groups: Record<string, IToken[]>): Comment[] {
  return (groups['comments'] ?? []).map((t) => ({
    text: t.image,
    span: { file, start: t.startOffset, end: (t.endOffset ?? t.startOffset) + 1 },
    block: t.image.startsWith('/*'),
  }));
}

/**
 * Parses one `.aug` file. Error recovery is on, so one call reports every syntax error it can
 * and still returns a (partial) tree; the value is undefined only if nothing could be parsed.
 */
export function parseSource(file: string, text: string): Result<SourceFile> {
  const lexed = augLexer.tokenize(text);
  const diagnostics: Diagnostic[] = lexed.errors.map((e) => lexerDiagnostic(file, text, e));
  const bad = new Set([UnterminatedString, UnterminatedComment]);
  for (const token of lexed.tokens)
    if (bad.has(token.tokenType)) diagnostics.push(badTokenDiagnostic(file, token));

  augParser.input = lexed.tokens
    .filter((t) => t.tokenType !== UnterminatedComment)
    .map(closeString);
  const cst = augParser.file();
  diagnostics.push(...augParser.errors.map((e) => parserDiagnostic(file, text, e)));

  const builder = new TreeBuilder(file);
  const statements = cst ? builder.statements(cst) : [];
  diagnostics.push(...builder.diagnostics);
  diagnostics.sort((a, b) => (a.span?.start ?? 0) - (b.span?.start ?? 0));
  return {
    value: { file, text, statements, comments: collectComments(file, lexed.groups) },
    diagnostics,
  };
}
