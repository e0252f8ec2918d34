import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../cli/exit-codes.js';
import { BROKEN, DATA, runCli, VALID, workspace } from './run-cli.js';

describe('augc check', () => {
  const file = workspace({ 'ok.aug': VALID, 'data.csv': DATA, 'broken.aug': BROKEN });

  it('exits 0 and prints nothing for a clean file', async () => {
    const run = await runCli(['check', file('ok.aug')]);
    expect(run).toEqual({ code: EXIT.ok, stdout: '', stderr: '' });
  });

  it('passes every example, as the README promises', async () => {
    const examples = readdirSync('examples')
      .filter((f) => f.endsWith('.aug'))
      .map((f) => `examples/${f}`);
    expect(examples.length).toBeGreaterThanOrEqual(2);
    const run = await runCli(['check', ...examples]);
    expect(run).toEqual({ code: EXIT.ok, stdout: '', stderr: '' });
  });

  it('checks an included fragment on its own, with a note, as `check $(git ls-files *.aug)` needs', async () => {
    const run = await runCli(['check', 'examples/conf/targets.aug']);
    expect(run.code).toBe(EXIT.ok);
    expect(run.stderr).toContain(
      'note[AUG2019]: `examples/conf/targets.aug` declares no `pipeline`',
    );
    expect(run.stderr).not.toContain('error');
  });

  it('still reports unknown statements and parameters inside a fragment', async () => {
    const frag = workspace({
      'frag.aug':
        'method t = keyboard_typo(aug_char_pp = 0.1)\ninput "x.csv" { text = ["a"] }\nbogus = 1\n',
    })('frag.aug');
    const run = await runCli(['check', frag]);
    expect(run.code).toBe(EXIT.failure);
    expect(run.stderr).toContain('error[AUG2102]: `keyboard_typo` has no parameter `aug_char_pp`');
    expect(run.stderr).toContain('error[AUG2001]: unknown statement `bogus`');
    expect(run.stderr).not.toContain('has no `output`');
  });

  it('plans only whole pipelines: a fragment is still not a plan', async () => {
    const run = await runCli(['plan', 'examples/conf/targets.aug']);
    expect(run.code).toBe(EXIT.failure);
    expect(run.stderr).toContain('error[AUG2007]');
  });

  it('exits 1 with rustc-style diagnostics on stderr for a broken file', async () => {
    const run = await runCli(['check', file('broken.aug')]);
    expect(run.code).toBe(EXIT.failure);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^error\[AUG1\d{3}\]: /);
    expect(run.stderr).toContain(`--> ${file('broken.aug')}:`);
    expect(run.stderr).toMatch(
      /error: could not compile `broken\.aug` due to \d+ previous errors?\n$/,
    );
    expect(run.stderr).not.toContain('\x1b[');
  });

  it('colours only on a terminal without NO_COLOR', async () => {
    const tty = await runCli(['check', file('broken.aug')], { isTTY: true });
    expect(tty.stderr).toContain('\x1b[1;31merror[AUG1');
    const noColor = await runCli(['check', file('broken.aug')], {
      isTTY: true,
      env: { NO_COLOR: '1' },
    });
    expect(noColor.stderr).not.toContain('\x1b[');
    const forced = await runCli(['check', file('broken.aug')], {
      isTTY: true,
      env: { FORCE_NO_COLOR: '1' },
    });
    expect(forced.stderr).not.toContain('\x1b[');
  });

  it('exits 66 naming a missing file, and still checks the others', async () => {
    const run = await runCli(['check', 'nope/missing.aug', file('broken.aug')]);
    expect(run.code).toBe(EXIT.noInput);
    expect(run.stderr).toContain('error[AUG5002]: file not found: `nope/missing.aug`');
    expect(run.stderr).toContain('could not compile `broken.aug`');
  });

  it('exits 66 for a directory', async () => {
    const run = await runCli(['check', 'test']);
    expect(run.code).toBe(EXIT.noInput);
    expect(run.stderr).toContain('error[AUG5003]: cannot read `test`');
  });

  it('prints one JSON array on stdout for all files with --format json', async () => {
    const run = await runCli(['check', '--format', 'json', file('ok.aug'), file('broken.aug')]);
    expect(run.code).toBe(EXIT.failure);
    expect(run.stderr).toBe('');
    const diags = JSON.parse(run.stdout) as {
      code: string;
      span: { file: string; startLine: number };
    }[];
    expect(diags.length).toBeGreaterThan(0);
    expect(diags[0]!.code).toMatch(/^AUG1\d{3}$/);
    expect(diags[0]!.span.file).toBe(file('broken.aug'));
    expect(diags[0]!.span.startLine).toBeGreaterThanOrEqual(2);
  });

  it('prints GitHub annotations and SARIF on stdout', async () => {
    const github = await runCli(['check', '--format', 'github', file('broken.aug')]);
    expect(github.code).toBe(EXIT.failure);
    expect(github.stdout).toMatch(
      /^::error file=.*broken\.aug,line=\d+,col=\d+,.*title=AUG1\d{3}::/,
    );
    const sarif = await runCli(['check', '--format', 'sarif', file('broken.aug')]);
    const log = JSON.parse(sarif.stdout) as { version: string; runs: { results: unknown[] }[] };
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0]!.results.length).toBeGreaterThan(0);
  });

  it('passes with warnings unless --deny-warnings', async () => {
    // An exclusion that removes no combo is a warning (AUG2111), not an error.
    const warn = workspace({
      'w.aug': VALID.replace(
        'output',
        'combos { exclude = [typo + spell] }\n  method spell = spelling(aug_p = 0.1)\n  output',
      ),
      'data.csv': DATA,
    });
    const lenient = await runCli(['check', warn('w.aug')]);
    expect(lenient.stderr).toMatch(/^warning\[AUG\d{4}\]/);
    expect(lenient.stderr).toMatch(/warning: `w\.aug` generated 1 warning\n$/);
    expect(lenient.code).toBe(EXIT.ok);
    const strict = await runCli(['check', '--deny-warnings', warn('w.aug')]);
    expect(strict.code).toBe(EXIT.failure);
    expect(strict.stderr).toContain('error[AUG5006]: 1 warning denied by `--deny-warnings`');
  });

  it('reports a missing file in machine formats too', async () => {
    const run = await runCli(['check', '--format', 'json', 'missing.aug']);
    expect(run.code).toBe(EXIT.noInput);
    expect(JSON.parse(run.stdout)).toEqual([
      expect.objectContaining({ code: 'AUG5002', severity: 'error', span: null }),
    ]);
  });
});
