import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../cli/exit-codes.js';
import { formatSource } from '../../compiler/format/format-source.js';
import { BROKEN, runCli, workspace } from './run-cli.js';

const MESSY = 'pipeline "m" {\nseed=42\n   variants   =2\n}';

describe('augc fmt', () => {
  it('--check fails on an unformatted file without touching it', async () => {
    const file = workspace({ 'm.aug': MESSY });
    const run = await runCli(['fmt', '--check', file('m.aug')]);
    expect(run.code).toBe(EXIT.failure);
    expect(run.stderr).toContain(`error[AUG5005]: \`${file('m.aug')}\` is not formatted`);
    expect(readFileSync(file('m.aug'), 'utf8')).toBe(MESSY);
  });

  it('rewrites a file in canonical layout, after which --check passes', async () => {
    const file = workspace({ 'm.aug': MESSY });
    const run = await runCli(['fmt', file('m.aug')]);
    expect(run.code).toBe(EXIT.ok);
    expect(run.stderr).toBe(`formatted ${file('m.aug')}\n`);
    const expected = formatSource(MESSY, file('m.aug')).value;
    expect(readFileSync(file('m.aug'), 'utf8')).toBe(expected);
    const again = await runCli(['fmt', '--check', file('m.aug')]);
    expect(again).toEqual({ code: EXIT.ok, stdout: '', stderr: '' });
  });

  it('--check passes on the examples, which are kept in canonical layout', async () => {
    const files = readdirSync('examples')
      .filter((f) => f.endsWith('.aug'))
      .map((f) => `examples/${f}`);
    const run = await runCli(['fmt', '--check', ...files, 'examples/conf/targets.aug']);
    expect(run).toEqual({ code: EXIT.ok, stdout: '', stderr: '' });
  });

  it('reports syntax errors instead of formatting, and 66 for a missing file', async () => {
    const file = workspace({ 'b.aug': BROKEN });
    const broken = await runCli(['fmt', file('b.aug')]);
    expect(broken.code).toBe(EXIT.failure);
    expect(broken.stderr).toMatch(/^error\[AUG1\d{3}\]/);
    expect(readFileSync(file('b.aug'), 'utf8')).toBe(BROKEN);
    const both = await runCli(['fmt', 'missing.aug', file('b.aug')]);
    expect(both.code).toBe(EXIT.noInput);
  });
});
