/**
 * What `npm pack` ships: the examples a new user starts from (the README runs them) must be in the
 * package, beside bin/, dist/ and docs/.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

interface PackEntry {
  files: { path: string }[];
}

describe('npm pack', () => {
  it('includes examples/ with its data and fragments', () => {
    const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
      encoding: 'utf8',
      env: { ...process.env, npm_config_loglevel: 'silent' },
    });
    const [entry] = JSON.parse(out) as PackEntry[];
    const paths = entry!.files.map((f) => f.path);
    for (const file of [
      'examples/clinical-sentences.aug',
      'examples/cell-lines-tabular.aug',
      'examples/conf/targets.aug',
      'examples/conf/augment_methods.yaml',
      'examples/data/cell-lines.csv',
      'bin/augc.js',
      'README.md',
    ])
      expect(paths, file).toContain(file);
  });
});
