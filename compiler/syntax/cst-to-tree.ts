import type { CstNode, IToken } from 'chevrotain';
import type { Diagnostic, Span } from '../diagnostics/diagnostic.js';
import { decodeNumber, decodeString } from './literals.js';
import type { Arg, Expr, Ident, Label, Statement, StringLit } from './tree.js';

type Children = Record<string, (CstNode | IToken)[] | undefined>;

function tokens(node: CstNode, key: string): IToken[] {
  return (node.children as Children)[key]?.filter((c): c is IToken => 'image' in c) ?? [];
}

function nodes(node: CstNode, key: string): CstNode[] {
  return (node.children as Children)[key]?.filter((c): c is CstNode => 'children' in c) ?? [];
}

/** Tokens inserted during error recovery have no position: they were never in the text. */
function isReal(token: IToken | undefined): token is IToken {
  return token !== undefined && !token.isInsertedInRecovery && Number.isFinite(token.startOffset);
}

/** Builds the syntax tree from the CST, decoding literals and reporting bad ones. */
export class TreeBuilder {
  readonly diagnostics: Diagnostic[] = [];
  constructor(private readonly file: string) {}

  private span(start: number, end: number): Span {
    return { file: this.file, start, end };
  }

  private tokenSpan(token: IToken): Span {
    return this.span(token.startOffset, (token.endOffset ?? token.startOffset) + 1);
  }

  private nodeSpan(node: CstNode): Span {
    const loc = node.location;
    const start = loc && Number.isFinite(loc.startOffset) ? loc.startOffset : 0;
    const end =
      loc?.endOffset !== undefined && Number.isFinite(loc.endOffset) ? loc.endOffset + 1 : start;
    return this.span(start, Math.max(start, end));
  }

  statements(file: CstNode): Statement[] {
    return nodes(file, 'statement').flatMap((s) => this.statement(s) ?? []);
  }

  private statement(node: CstNode): Statement | undefined {
    const keywordToken = tokens(node, 'Identifier')[0];
    if (!isReal(keywordToken)) return undefined;
    const keyword = this.ident(keywordToken);
    const labels = tokens(node, 'label')
      .filter(isReal)
      .map((t): Label => (t.tokenType.name === 'StringLiteral' ? this.string(t) : this.ident(t)));
    const exprNode = nodes(node, 'expr')[0];
    const hasEquals = tokens(node, 'Equals').some(isReal);
    const value = exprNode ? this.expr(exprNode) : hasEquals ? this.missingValue(node) : undefined;
    const hasBody = tokens(node, 'LCurly').some(isReal);
    const body = hasBody
      ? nodes(node, 'statement').flatMap((s) => this.statement(s) ?? [])
      : undefined;
    return {
      kind: 'statement',
      keyword,
      labels,
      ...(value ? { value } : {}),
      ...(body ? { body } : {}),
      span: this.nodeSpan(node),
    };
  }

  private missingValue(node: CstNode): Expr {
    const equals = tokens(node, 'Equals')[0];
    const end = equals ? this.tokenSpan(equals).end : this.nodeSpan(node).end;
    const span = this.span(end, end);
    this.diagnostics.push({
      code: 'AUG1006',
      severity: 'error',
      message: 'expected a value after `=`',
      span,
      help: 'a value starts on the same line as its `=`',
    });
    return { kind: 'error', span };
  }

  private ident(token: IToken): Ident {
    return { kind: 'ident', name: token.image, span: this.tokenSpan(token) };
  }

  private string(token: IToken): StringLit {
    const span = this.tokenSpan(token);
    const decoded = decodeString(token.image.slice(1, -1));
    if (!decoded.ok) {
      const at = span.start + 1 + decoded.offset;
      this.diagnostics.push({
        code: 'AUG1004',
        severity: 'error',
        message: decoded.message,
        span: this.span(at, at + 2),
        help: 'valid escapes are \\" \\\\ \\n \\t \\r \\0 \\uXXXX \\u{X...}',
      });
      return { kind: 'string', value: token.image.slice(1, -1), span };
    }
    return { kind: 'string', value: decoded.value, span };
  }

  private expr(node: CstNode): Expr {
    const terms = nodes(node, 'term').map((t) => this.term(t));
    if (terms.length === 1 && terms[0]) return terms[0];
    return { kind: 'plus', terms, span: this.nodeSpan(node) };
  }

  private term(node: CstNode): Expr {
    const str = tokens(node, 'StringLiteral')[0];
    if (isReal(str)) return this.string(str);
    const num = tokens(node, 'NumberLiteral')[0];
    if (isReal(num)) return this.number(num);
    const bool = tokens(node, 'True')[0] ?? tokens(node, 'False')[0];
    if (isReal(bool))
      return { kind: 'bool', value: bool.image === 'true', span: this.tokenSpan(bool) };
    const list = nodes(node, 'list')[0];
    if (list)
      return {
        kind: 'list',
        items: nodes(list, 'expr').map((e) => this.expr(e)),
        span: this.nodeSpan(list),
      };
    const call = nodes(node, 'call')[0];
    if (call) return this.call(call);
    return { kind: 'error', span: this.nodeSpan(node) };
  }

  private number(token: IToken): Expr {
    const span = this.tokenSpan(token);
    const decoded = decodeNumber(token.image);
    if (!decoded.ok) {
      this.diagnostics.push({ code: 'AUG1007', severity: 'error', message: decoded.message, span });
      return { kind: 'error', span };
    }
    return { kind: 'number', ...decoded.value, raw: token.image, span };
  }

  private call(node: CstNode): Expr {
    const nameToken = tokens(node, 'Identifier')[0];
    if (!isReal(nameToken)) return { kind: 'error', span: this.nodeSpan(node) };
    const callee = this.ident(nameToken);
    if (!tokens(node, 'LParen').some(isReal)) return callee;
    const args = nodes(node, 'arg').map((a) => this.arg(a));
    return { kind: 'call', callee, args, span: this.nodeSpan(node) };
  }

  private arg(node: CstNode): Arg {
    const nameToken = tokens(node, 'Identifier')[0];
    const exprNode = nodes(node, 'expr')[0];
    const value: Expr = exprNode
      ? this.expr(exprNode)
      : { kind: 'error', span: this.nodeSpan(node) };
    return {
      ...(isReal(nameToken) ? { name: this.ident(nameToken) } : {}),
      value,
      span: this.nodeSpan(node),
    };
  }
}
