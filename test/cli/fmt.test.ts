import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../cli/exit-codes.js';
import { formatSource } from '../../compiler/format/format-source.js';
import { BROKEN, runCli, workspace } from './run-cli.js';

const MESSY = 'pipeline "m" {\nseed=42\n   variants   =2\n}';

/** GNU diff's hunks (from the first `@@`), the independent reference for `--diff`. */
function gnuHunks(before: string, after: string): string {
  const file = workspace({ 'a.aug': before, 'b.aug': after });
  try {
    execFileSync('diff', ['-u', file('a.aug'), file('b.aug')], { encoding: 'utf8' });
    return '';
  } catch (err) {
    const out = (err as { stdout: string }).stdout;
    return out.slice(out.indexOf('@@'));
  }
}

describe('augc fmt', () => {
  it('`-` formats stdin to stdout and writes no file', async () => {
    const run = await runCli(['fmt', '-'], { stdin: MESSY });
    expect(run.code).toBe(EXIT.ok);
    expect(run.stdout).toBe(formatSource(MESSY, '<stdin>').value);
    expect(run.stderr).toBe('');
  });

  it('`--check -` fails on unformatted stdin and prints nothing on stdout', async () => {
    const run = await runCli(['fmt', '--check', '-'], { stdin: MESSY });
    expect(run.code).toBe(EXIT.failure);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('`<stdin>` is not formatted');
  });

  it('--check --diff prints the unified diff GNU diff would, and writes nothing', async () => {
    // Two changes far apart (two hunks) and a missing final newline.
    const lines = Array.from({ length: 12 }, (_, i) => `  // line ${i}`);
    const messy = ['pipeline "m" {', 'seed=42', ...lines, '   variants   =2', '}'].join('\n');
    const file = workspace({ 'm.aug': messy });
    const run = await runCli(['fmt', '--check', '--diff', file('m.aug')]);
    expect(run.code).toBe(EXIT.failure);
    expect(readFileSync(file('m.aug'), 'utf8')).toBe(messy);
    const formatted = formatSource(messy, file('m.aug')).value!;
    expect(
      run.stdout.startsWith(`--- ${file('m.aug')}\n+++ ${file('m.aug')} (formatted)\n@@`),
    ).toBe(true);
    expect(run.stdout.slice(run.stdout.indexOf('@@'))).toBe(gnuHunks(messy, formatted));
    expect(run.stdout.match(/^@@/gm)).toHaveLength(2);
  });

  it('--diff prints nothing for a formatted file', async () => {
    const file = workspace({ 'ok.aug': formatSource(MESSY, 'x').value! });
    expect(await runCli(['fmt', '--check', '--diff', file('ok.aug')])).toEqual({
      code: EXIT.ok,
      stdout: '',
      stderr: '',
    });
  });

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
