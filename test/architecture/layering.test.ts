import { ESLint } from 'eslint';
import { describe, expect, test } from 'vitest';

// The one-way dependencies of docs/architecture.md are enforced by ESLint; these cases prove the
// rules can see our `.js` import specifiers (a resolver that cannot would pass everything). The
// text is linted as if it were an existing file of that folder.
const eslint = new ESLint();

async function violations(file: string, importPath: string): Promise<string[]> {
  const text = `import * as m from '${importPath}';\nexport const x = m;\n`;
  const [result] = await eslint.lintText(text, { filePath: file });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('layering', () => {
  test('the compiler may not import the engine, runtimes or cli', async () => {
    expect(await violations('compiler/compile.ts', '../engine/probe-input.js')).toContain(
      'import/no-restricted-paths',
    );
    expect(await violations('compiler/compile.ts', '../runtimes/registry.js')).toContain(
      'import/no-restricted-paths',
    );
    expect(await violations('compiler/compile.ts', '../cli/main.js')).toContain(
      'import/no-restricted-paths',
    );
  });

  test('the compiler may import the stdlib catalogue but not its implementations', async () => {
    expect(await violations('compiler/compile.ts', '../stdlib/catalog/index.js')).toEqual([]);
    expect(await violations('compiler/compile.ts', '../stdlib/registry.js')).toContain(
      'import/no-restricted-paths',
    );
  });

  test('a runtime may not import a sibling runtime, but may use the shared grid code', async () => {
    expect(await violations('runtimes/slurm/index.ts', '../local/pool.js')).toContain(
      'import/no-restricted-paths',
    );
    expect(await violations('runtimes/slurm/index.ts', '../grid/grid-runtime.js')).toEqual([]);
    expect(await violations('runtimes/grid/grid-runtime.ts', '../slurm/index.js')).toContain(
      'import/no-restricted-paths',
    );
    // The fenced runtimes are read from target-names.ts: a new target is fenced without a list.
    expect(await violations('runtimes/lsf/index.ts', '../slurm/dialect.js')).toContain(
      'import/no-restricted-paths',
    );
  });

  test('the engine may not import runtimes or cli', async () => {
    expect(await violations('engine/merge.ts', '../runtimes/runtime.js')).toContain(
      'import/no-restricted-paths',
    );
  });

  test('the run layer and the batch orchestrator import no runtime folder', async () => {
    expect(await violations('runtimes/run/run-plan.ts', '../grid/grid-runtime.js')).toContain(
      'import/no-restricted-paths',
    );
    expect(await violations('runtimes/batch/finalize.ts', '../slurm/dialect.js')).toContain(
      'import/no-restricted-paths',
    );
    expect(await violations('runtimes/run/run-plan.ts', '../batch/batch-state.js')).toEqual([]);
    expect(await violations('runtimes/grid/grid-backend.ts', '../batch/backend.js')).toEqual([]);
  });

  test('the language server uses the compiler and the catalogue, and nothing uses it but the cli', async () => {
    expect(await violations('lsp/server.ts', '../compiler/compile.js')).toEqual([]);
    expect(await violations('lsp/hover.ts', '../stdlib/catalog/index.js')).toEqual([]);
    for (const path of ['../engine/probe-input.js', '../runtimes/registry.js', '../cli/main.js'])
      expect(await violations('lsp/server.ts', path), path).toContain('import/no-restricted-paths');
    expect(await violations('lsp/server.ts', '../stdlib/registry.js')).toContain(
      'import/no-restricted-paths',
    );
    expect(await violations('compiler/compile.ts', '../lsp/server.js')).toContain(
      'import/no-restricted-paths',
    );
    expect(await violations('engine/merge.ts', '../lsp/server.js')).toContain(
      'import/no-restricted-paths',
    );
    expect(await violations('cli/commands/lsp.ts', '../../lsp/server.js')).toEqual([]);
  });

  test('only storage (and the listed exceptions) may import node:fs', async () => {
    for (const file of [
      'runtimes/run/run-plan.ts',
      'cli/commands/run.ts',
      'engine/merge.ts',
      'lsp/server.ts',
    ]) {
      expect(await violations(file, 'node:fs/promises'), file).toContain('no-restricted-imports');
      expect(await violations(file, 'node:fs'), file).toContain('no-restricted-imports');
    }
    expect(await violations('engine/storage/file-storage.ts', 'node:fs')).toEqual([]);
    expect(await violations('runtimes/grid/grid-backend.ts', 'node:fs/promises')).toEqual([]);
    expect(await violations('lsp/workspace-files.ts', 'node:fs')).toEqual([]);
  });
});
