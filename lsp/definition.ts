import { dirname, isAbsolute, join } from 'node:path';
import type { PipelineAst } from '../compiler/ast/types.js';
import type { Span } from '../compiler/diagnostics/diagnostic.js';
import type { SourceFile, Statement } from '../compiler/syntax/tree.js';
import { siteAt, wordOf } from './cursor-site.js';
import { isMethodReference } from './hover.js';

/**
 * Go to definition: a method named in `combos` (`list`, `exclude`, `order`) goes to its
 * declaration, wherever the check found it (this file, an included fragment, an imported YAML
 * catalogue); an `include` or `import` path goes to the file, resolved as the compiler resolves
 * it (relative to the file that names it).
 */
export function definitionAt(
  source: SourceFile,
  offset: number,
  ast?: PipelineAst,
): Span | undefined {
  const site = siteAt(source, offset);
  if (!site) return undefined;
  if (site.kind === 'label') {
    const key = site.stmt.keyword.name;
    const path = wordOf(site.label);
    if ((key !== 'include' && key !== 'import') || site.label.kind !== 'string' || !path)
      return undefined;
    const file = isAbsolute(path) ? path : join(dirname(source.file), path);
    return { file, start: 0, end: 0 };
  }
  if (!isMethodReference(site) || site.kind !== 'value') return undefined;
  const name = wordOf(site.expr);
  if (name === undefined) return undefined;
  const decl = ast?.methods.find((m) => m.name.value === name);
  return decl?.name.span ?? declaredHere(source.statements, name);
}

/** The method's label in this file's own statements, when no check result knows it. */
function declaredHere(stmts: readonly Statement[], name: string): Span | undefined {
  for (const s of stmts) {
    const label = s.labels[0];
    if (s.keyword.name === 'method' && label && wordOf(label) === name) return label.span;
    if (s.keyword.name === 'pipeline' || s.keyword.name === 'profile') {
      const inner = declaredHere(s.body ?? [], name);
      if (inner) return inner;
    }
  }
  return undefined;
}
