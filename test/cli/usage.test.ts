import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../cli/exit-codes.js';
import { runCli } from './run-cli.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

describe('augc usage', () => {
  it('prints the package version with --version', async () => {
    const run = await runCli(['--version']);
    expect(run).toEqual({ code: EXIT.ok, stdout: `${pkg.version}\n`, stderr: '' });
  });

  it('prints help on stdout with --help and lists the commands', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(EXIT.ok);
    for (const cmd of ['check', 'plan', 'fmt']) expect(run.stdout).toContain(cmd);
  });

  it('exits 64 with an AUG5001 message on an unknown command', async () => {
    const run = await runCli(['chekc', 'x.aug']);
    expect(run.code).toBe(EXIT.usage);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('error[AUG5001]: unknown command `chekc`\n');
    expect(run.stderr).toContain('= help: did you mean `check`?');
  });

  it('exits 64 on an unknown option, with a suggestion', async () => {
    const run = await runCli(['check', '--frmat', 'json', 'x.aug']);
    expect(run.code).toBe(EXIT.usage);
    expect(run.stderr).toContain('error[AUG5001]: unknown option `--frmat`\n');
    expect(run.stderr).toContain('= help: did you mean `--format`?');
  });

  it('exits 64 on a bad --format value and on a missing argument', async () => {
    const bad = await runCli(['check', '--format', 'xml', 'x.aug']);
    expect(bad.code).toBe(EXIT.usage);
    expect(bad.stderr).toContain(
      'error[AUG5001]: option `--format <format>` argument `xml` is invalid\n',
    );
    expect(bad.stderr).toContain('= help: allowed choices are text, json, github, sarif\n');
    const missing = await runCli(['plan']);
    expect(missing.code).toBe(EXIT.usage);
    expect(missing.stderr).toContain('missing required argument `file`');
  });

  it('exits 64 with help on stderr when no command is given', async () => {
    const run = await runCli([]);
    expect(run.code).toBe(EXIT.usage);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('Usage: augc');
  });
});
