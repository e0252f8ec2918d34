/**
 * What `npm pack` ships: the examples a new user starts from (the README runs them) must be in the
 * package, beside bin/, dist/ (the language server included) and docs/; the VS Code extension is
 * not (it is packaged on its own with vsce, see docs/editors.md).
 */
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';

interface PackEntry {
  files: { path: string }[];
}

describe('npm pack', () => {
  let paths: string[];
  beforeAll(() => {
    const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
      encoding: 'utf8',
      env: { ...process.env, npm_config_loglevel: 'silent' },
    });
    const [entry] = JSON.parse(out) as PackEntry[];
    paths = entry!.files.map((f) => f.path);
  });

  it('includes examples/ with its data and fragments', () => {
    for (const file of [
      'examples/clinical-sentences.aug',
      'examples/cell-lines-tabular.aug',
      'examples/conf/targets.aug',
      'examples/conf/augment_methods.yaml',
      'examples/data/cell-lines.csv',
      'bin/augc.js',
      'dist/lsp/server.js',
      'docs/editors.md',
      'README.md',
    ])
      expect(paths, file).toContain(file);
  });

  it('leaves out the VS Code extension, which vsce packages on its own', () => {
    expect(paths.filter((p) => p.startsWith('editors/'))).toEqual([]);
  });
});
