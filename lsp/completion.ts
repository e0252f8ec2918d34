import { dirname, resolve } from 'node:path';
import { CompletionItemKind, type CompletionItem, type Range } from 'vscode-languageserver';
import { BACKOFF_KINDS, RETRY_CONDITION_CALLS } from '../compiler/ast/block-schemas.js';
import { DURATION_UNITS, MEMORY_UNITS } from '../compiler/ast/units.js';
import { findTarget, TARGETS, type TargetOptionSpec } from '../compiler/targets/catalog.js';
import type { SourceFile, Statement } from '../compiler/syntax/tree.js';
import { findMethod, listAliases, listMethods } from '../stdlib/catalog/index.js';
import { statementDoc, statementsOf, type StatementDoc } from './block-docs.js';
import { COMMAND_MARKDOWN, methodMarkdown, paramMarkdown } from './catalog-markdown.js';
import { blockKindOf, completionSite, PLACEHOLDER, type Scope, type Site } from './cursor-site.js';

export interface CompletionRequest {
  path: string;
  text: string;
  offset: number;
  /** Methods the last check found, with those of included fragments and imported catalogues. */
  methods: readonly string[];
  /** A folder's entries, for `include` and `import` paths. */
  listDir: (dir: string) => { name: string; folder: boolean }[];
  range: (start: number, end: number) => Range;
}

/** A candidate word and what to say about it. */
interface Candidate {
  word: string;
  kind: CompletionItemKind;
  detail?: string;
  doc?: string;
}

const UNITS: Record<'memory' | 'duration' | 'factor', readonly string[]> = {
  memory: Object.keys(MEMORY_UNITS),
  duration: Object.keys(DURATION_UNITS),
  factor: ['x'],
};

/**
 * Completion at a cursor: statement keywords of the enclosing block (or a target's options),
 * method names after `method x =`, a method's parameters inside its call, enum values and
 * booleans, declared method names in `combos`, target names, units after a number, and files
 * after `include "` and `import "`.
 */
export function completeAt(req: CompletionRequest): CompletionItem[] {
  const found = completionSite(req.path, req.text, req.offset);
  const site = found?.site;
  if (!found || !site) return [];
  const node = nodeSpan(site);
  if (site.kind === 'label' && site.label.kind === 'string')
    return pathItems(req, site.stmt, site.label.span.start + 1);
  const start = Math.min(node.start, req.offset);
  const unit = unitCompletion(req, site);
  if (unit) return unit;
  const declared = [...new Set([...req.methods, ...declaredMethods(found.source)])];
  return candidates(site, declared).map((c) => ({
    label: c.word,
    kind: c.kind,
    ...(c.detail ? { detail: c.detail } : {}),
    ...(c.doc ? { documentation: { kind: 'markdown' as const, value: c.doc } } : {}),
    textEdit: { range: req.range(start, req.offset), newText: c.word },
  }));
}

function nodeSpan(site: Site): { start: number; end: number } {
  switch (site.kind) {
    case 'keyword':
      return site.stmt.keyword.span;
    case 'label':
      return site.label.span;
    case 'value':
    case 'arg-value':
      return site.expr.span;
    case 'callee':
      return site.call.callee.span;
    case 'arg-name':
      return site.arg.name?.span ?? site.arg.value.span;
  }
}

function candidates(site: Site, declared: readonly string[]): Candidate[] {
  switch (site.kind) {
    case 'keyword':
      return keywordCandidates(site.scope);
    case 'label':
      return site.stmt.keyword.name === 'target' ? targetCandidates() : [];
    case 'callee':
      return calleeCandidates(site.stmt);
    case 'value':
      return site.expr.kind === 'string' ? [] : valueCandidates(site.scope, site.stmt, declared);
    case 'arg-name':
      return argNameCandidates(site);
    case 'arg-value':
      return argValueCandidates(site);
  }
}

function keywordCandidates(scope: Scope): Candidate[] {
  if (scope.kind === 'target') {
    const target = findTarget(scope.target ?? '');
    return (target?.options ?? []).map((o) => optionCandidate(o));
  }
  if (scope.kind === 'unknown' || scope.kind === 'env') return [];
  const kinds = scope.kind === 'fragment' ? (['top', 'pipeline'] as const) : [scope.kind];
  const seen = new Map<string, Candidate>();
  for (const kind of kinds)
    for (const [word, doc] of Object.entries(statementsOf(kind)))
      seen.set(word, statementCandidate(word, doc));
  return [...seen.values()];
}

function statementCandidate(word: string, doc: StatementDoc): Candidate {
  const kind = doc.value === 'block' ? CompletionItemKind.Module : CompletionItemKind.Property;
  return { word, kind, detail: doc.doc };
}

function optionCandidate(option: TargetOptionSpec): Candidate {
  return { word: option.name, kind: CompletionItemKind.Property, detail: option.doc };
}

function targetCandidates(): Candidate[] {
  return TARGETS.map((t) => ({ word: t.name, kind: CompletionItemKind.Module, detail: t.summary }));
}

function methodCandidates(): Candidate[] {
  const methods = listMethods().map((m) => ({
    word: m.name,
    kind: CompletionItemKind.Function,
    detail: `${m.domain}: ${m.summary}`,
    doc: methodMarkdown({ spec: m, aliasParams: {} }),
  }));
  const aliases = listAliases().map((a) => ({
    word: a.alias,
    kind: CompletionItemKind.Function,
    detail: `alias of ${a.method}: ${a.doc}`,
  }));
  const command = {
    word: 'command',
    kind: CompletionItemKind.Function,
    detail: 'run a program of yours',
    doc: COMMAND_MARKDOWN,
  };
  return [...methods, command, ...aliases];
}

function calleeCandidates(stmt: Statement): Candidate[] {
  const key = stmt.keyword.name;
  if (key === 'method') return methodCandidates();
  if (key === 'backoff') return words(BACKOFF_KINDS, CompletionItemKind.Function);
  if (key === 'on') return words(RETRY_CONDITION_CALLS, CompletionItemKind.Function);
  return [];
}

const words = (list: readonly string[], kind: CompletionItemKind): Candidate[] =>
  list.map((word) => ({ word, kind }));

const BOOLS = words(['true', 'false'], CompletionItemKind.Value);

function valueCandidates(scope: Scope, stmt: Statement, declared: readonly string[]): Candidate[] {
  const key = stmt.keyword.name;
  if (scope.kind === 'target') {
    const option = findTarget(scope.target ?? '')?.options.find((o) => o.name === key);
    if (option?.values) return words(option.values, CompletionItemKind.EnumMember);
    return option?.type === 'bool' ? BOOLS : [];
  }
  if (key === 'method' && (scope.kind === 'pipeline' || scope.kind === 'fragment'))
    return methodCandidates();
  const kind = blockKindOf(scope);
  const doc = kind && statementDoc(kind, key);
  if (!doc) return [];
  if (doc.value === 'bool') return BOOLS;
  if (doc.value === 'methods') return words(declared, CompletionItemKind.Reference);
  if (doc.values) return words(doc.values, CompletionItemKind.EnumMember);
  return [];
}

function argNameCandidates(site: Extract<Site, { kind: 'arg-name' }>): Candidate[] {
  const { call, stmt } = site;
  if (stmt.keyword.name === 'backoff' && call.callee.name === 'exponential')
    return words(['max', 'factor'], CompletionItemKind.Property);
  const resolved = stmt.keyword.name === 'method' ? findMethod(call.callee.name) : undefined;
  if (!resolved) return [];
  const others = call.args.filter((a) => a !== site.arg);
  const given = new Set(others.flatMap((a) => a.name?.name ?? []));
  return resolved.spec.params
    .filter((p) => !given.has(p.name))
    .map((p) => ({
      word: p.name,
      kind: CompletionItemKind.Property,
      detail: `${p.type}: ${p.doc}`,
      doc: paramMarkdown(resolved, p),
    }));
}

function argValueCandidates(site: Extract<Site, { kind: 'arg-value' }>): Candidate[] {
  const name = site.arg.name?.name;
  const resolved =
    site.stmt.keyword.name === 'method' ? findMethod(site.call.callee.name) : undefined;
  const param = resolved?.spec.params.find((p) => p.name === name);
  if (param?.values) return words(param.values, CompletionItemKind.EnumMember);
  return param?.type === 'bool' ? BOOLS : [];
}

/** After a number: the units its attribute takes, replacing what is typed of the unit. */
function unitCompletion(req: CompletionRequest, site: Site): CompletionItem[] | undefined {
  if ((site.kind !== 'value' && site.kind !== 'arg-value') || site.expr.kind !== 'number')
    return undefined;
  const unitKind = quantityOf(site);
  if (!unitKind) return [];
  const raw = req.text.slice(site.expr.span.start, req.offset);
  const digits = /^-?[\d_.]*(?:[eE][+-]?\d+)?/.exec(raw)?.[0] ?? '';
  const start = site.expr.span.start + digits.length;
  return UNITS[unitKind].map((unit) => ({
    label: unit,
    kind: CompletionItemKind.Unit,
    textEdit: { range: req.range(start, req.offset), newText: unit },
  }));
}

function quantityOf(site: Site & { kind: 'value' | 'arg-value' }): keyof typeof UNITS | undefined {
  const key = site.stmt.keyword.name;
  if (site.kind === 'arg-value')
    return key === 'backoff'
      ? site.arg.name?.name === 'factor'
        ? 'factor'
        : 'duration'
      : undefined;
  if (site.scope.kind === 'target') {
    const type = findTarget(site.scope.target ?? '')?.options.find((o) => o.name === key)?.type;
    return type === 'bytes' ? 'memory' : type === 'duration' ? 'duration' : undefined;
  }
  const kind = blockKindOf(site.scope);
  const value = kind && statementDoc(kind, key)?.value;
  return value === 'memory' || value === 'duration' || value === 'factor' ? value : undefined;
}

/** Files and folders for `include "..."` (.aug) and `import "..."` (.yaml, .yml). */
function pathItems(req: CompletionRequest, stmt: Statement, from: number): CompletionItem[] {
  const key = stmt.keyword.name;
  if (key !== 'include' && key !== 'import') return [];
  const typed = req.text.slice(from, req.offset);
  const slash = typed.lastIndexOf('/');
  const folder = resolve(dirname(req.path), typed.slice(0, slash + 1) || '.');
  const wanted = key === 'include' ? /\.aug$/ : /\.ya?ml$/;
  return req
    .listDir(folder)
    .filter((e) => e.folder || (wanted.test(e.name) && resolve(folder, e.name) !== req.path))
    .map((e) => ({
      label: e.folder ? `${e.name}/` : e.name,
      kind: e.folder ? CompletionItemKind.Folder : CompletionItemKind.File,
      textEdit: {
        range: req.range(from + slash + 1, req.offset),
        newText: e.folder ? `${e.name}/` : e.name,
      },
    }));
}

/** Names of the `method` statements written in this file (a pipeline, its profiles, a fragment). */
function declaredMethods(file: SourceFile): string[] {
  const out: string[] = [];
  const visit = (stmts: readonly Statement[]): void => {
    for (const s of stmts) {
      const label = s.labels[0];
      if (s.keyword.name === 'method' && label?.kind === 'ident' && label.name !== PLACEHOLDER)
        out.push(label.name);
      if (s.keyword.name === 'pipeline' || s.keyword.name === 'profile') visit(s.body ?? []);
    }
  };
  visit(file.statements);
  return out;
}
