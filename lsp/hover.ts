import { dirname, resolve } from 'node:path';
import type { MethodDecl, PipelineAst } from '../compiler/ast/types.js';
import type { Span } from '../compiler/diagnostics/diagnostic.js';
import { findTarget } from '../compiler/targets/catalog.js';
import type { SourceFile, Statement } from '../compiler/syntax/tree.js';
import { findMethod } from '../stdlib/catalog/index.js';
import { statementDoc, statementsOf } from './block-docs.js';
import {
  COMMAND_MARKDOWN,
  findParam,
  methodMarkdown,
  paramMarkdown,
  statementMarkdown,
  targetMarkdown,
  targetOptionMarkdown,
} from './catalog-markdown.js';
import { blockKindOf, siteAt, wordOf, type Scope, type Site } from './cursor-site.js';

export interface Hover {
  markdown: string;
  span: Span;
}

/**
 * What the word under the cursor is: a catalogue method (its section of docs/methods.md), a
 * parameter (its type, default and range; an alias's default where it sets one), a statement
 * keyword, a target or target option, or a method named in `combos` (its declaration, which may
 * sit in an included fragment or an imported YAML catalogue).
 */
export function hoverAt(source: SourceFile, offset: number, ast?: PipelineAst): Hover | undefined {
  const site = siteAt(source, offset);
  if (!site) return undefined;
  switch (site.kind) {
    case 'keyword':
      return at(keywordMarkdown(site.scope, site.stmt.keyword.name), site.stmt.keyword.span);
    case 'label':
      return at(labelMarkdown(site.stmt, source.file, ast), site.label.span);
    case 'callee':
      return at(calleeMarkdown(site.stmt, site.call.callee.name), site.call.callee.span);
    case 'arg-name': {
      const name = site.arg.name;
      const found = name && findParam(site.call.callee.name, name.name);
      const ok = found && site.stmt.keyword.name === 'method';
      return ok ? at(paramMarkdown(found.resolved, found.param), name.span) : undefined;
    }
    case 'value':
      return at(valueMarkdown(site, ast), site.expr.span);
    case 'arg-value':
      return undefined;
  }
}

function at(markdown: string | undefined, span: Span): Hover | undefined {
  return markdown === undefined ? undefined : { markdown, span };
}

function keywordMarkdown(scope: Scope, keyword: string): string | undefined {
  if (scope.kind === 'target') {
    const target = findTarget(scope.target ?? '');
    const option = target?.options.find((o) => o.name === keyword);
    return target && option ? targetOptionMarkdown(target, option) : undefined;
  }
  const kind = blockKindOf(scope);
  const doc =
    (kind && statementDoc(kind, keyword)) ??
    (scope.kind === 'fragment' ? statementsOf('top')[keyword] : undefined);
  return doc && statementMarkdown(keyword, doc);
}

function calleeMarkdown(stmt: Statement, callee: string): string | undefined {
  if (stmt.keyword.name !== 'method') return undefined;
  if (callee === 'command') return COMMAND_MARKDOWN;
  const resolved = findMethod(callee);
  return resolved && methodMarkdown(resolved);
}

function labelMarkdown(stmt: Statement, file: string, ast?: PipelineAst): string | undefined {
  const key = stmt.keyword.name;
  const word = stmt.labels[0] && wordOf(stmt.labels[0]);
  if (word === undefined) return undefined;
  if (key === 'target') {
    const target = findTarget(word);
    return target && targetMarkdown(target);
  }
  if (key === 'include' || key === 'import') return `\`${resolve(dirname(file), word)}\``;
  if (key === 'method') {
    const decl = ast?.methods.find((m) => m.name.value === word);
    return decl ? declarationMarkdown(decl, ast) : calleeOf(stmt);
  }
  return undefined;
}

function calleeOf(stmt: Statement): string | undefined {
  const value = stmt.value;
  const callee = value?.kind === 'call' ? value.callee.name : value && wordOf(value);
  return callee === undefined ? undefined : calleeMarkdown(stmt, callee);
}

function valueMarkdown(
  site: Extract<Site, { kind: 'value' }>,
  ast?: PipelineAst,
): string | undefined {
  const word = wordOf(site.expr);
  if (word === undefined) return undefined;
  if (site.stmt.keyword.name === 'method') return calleeMarkdown(site.stmt, word);
  if (!isMethodReference(site)) return undefined;
  const decl = ast?.methods.find((m) => m.name.value === word);
  return decl ? declarationMarkdown(decl, ast) : `method \`${word}\` (not declared)`;
}

/** A name in `combos { list, exclude, order }`: a method of the pipeline. */
export function isMethodReference(site: Site): boolean {
  if (site.kind !== 'value' || site.scope.kind !== 'combos') return false;
  return statementDoc('combos', site.stmt.keyword.name)?.value === 'methods';
}

/** The declaration as written (`.aug` or YAML), then the catalogue's words on its method. */
function declarationMarkdown(decl: MethodDecl, ast?: PipelineAst): string {
  const text = ast?.sources.find((s) => s.file === decl.span.file)?.text ?? '';
  const written = text.slice(decl.span.start, decl.span.end).split('\n').slice(0, 12).join('\n');
  const lang = /\.ya?ml$/i.test(decl.span.file) ? 'yaml' : 'aug';
  const where = decl.importedFrom ? ` (from \`${decl.span.file}\`)` : '';
  const head = `method \`${decl.name.value}\`${where}\n\n\`\`\`${lang}\n${written}\n\`\`\``;
  if (decl.kind === 'command') return `${head}\n\n${COMMAND_MARKDOWN}`;
  const resolved = findMethod(decl.method.value);
  return resolved ? `${head}\n\n${methodMarkdown(resolved)}` : head;
}
