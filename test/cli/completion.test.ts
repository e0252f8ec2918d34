import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../cli/exit-codes.js';
import { methodNames } from '../../stdlib/catalog/index.js';
import { runCli, workspace } from './run-cli.js';

const COMMANDS = ['check', 'plan', 'fmt', 'run', 'methods', 'init', 'completion', 'lsp'];

async function bashScriptFile(): Promise<string> {
  const run = await runCli(['completion', 'bash']);
  expect(run.code, run.stderr).toBe(EXIT.ok);
  const file = workspace({})('augc.bash');
  writeFileSync(file, run.stdout);
  return file;
}

/** What bash offers for the words typed so far (the last one is being completed). */
function complete(script: string, typed: string[]): string[] {
  const words = typed.map((w) => `'${w}'`).join(' ');
  const out = execFileSync(
    'bash',
    [
      '-c',
      `source '${script}'; COMP_WORDS=(${words}); COMP_CWORD=${typed.length - 1}; _augc; printf '%s\\n' "\${COMPREPLY[@]}"`,
    ],
    { encoding: 'utf8' },
  );
  return out.split('\n').filter((w) => w !== '');
}

describe('augc completion', () => {
  it('bash completes commands, flags, --target values and method names', async () => {
    const script = await bashScriptFile();
    expect(complete(script, ['augc', 'ru'])).toEqual(['run']);
    const all = complete(script, ['augc', '']);
    for (const c of COMMANDS) expect(all).toContain(c);
    expect(complete(script, ['augc', 'plan', '--target', 's'])).toEqual(['slurm']);
    expect(complete(script, ['augc', 'run', '--target', ''])).toContain('hpc');
    expect(complete(script, ['augc', 'check', '--format', 's'])).toEqual(['sarif']);
    expect(complete(script, ['augc', 'check', '--de'])).toEqual(['--deny-warnings']);
    expect(complete(script, ['augc', 'fmt', '--d'])).toEqual(['--diff']);
    expect(complete(script, ['augc', 'methods', 'keyb'])).toEqual(['keyboard_typo']);
    expect(complete(script, ['augc', 'methods', ''])).toHaveLength(methodNames().length);
    expect(complete(script, ['augc', '--verbose', 'completion', 'z'])).toEqual(['zsh']);
  });

  it('zsh reuses the bash function through bashcompinit', async () => {
    const run = await runCli(['completion', 'zsh']);
    expect(run.stdout).toContain('autoload -U +X bashcompinit && bashcompinit\n');
    expect(run.stdout).toContain('complete -o default -F _augc augc\n');
    execFileSync('bash', ['-n'], { input: run.stdout.split('\n').slice(2).join('\n') });
  });

  it('fish lists every command and its flags', async () => {
    const run = await runCli(['completion', 'fish']);
    for (const c of COMMANDS)
      expect(run.stdout).toMatch(
        new RegExp(`^complete -c augc -f -n '__fish_use_subcommand' -a ${c} -d `, 'm'),
      );
    expect(run.stdout).toContain(
      "complete -c augc -n '__fish_seen_subcommand_from check' -l format -x -a 'text json github sarif'",
    );
    expect(run.stdout).toMatch(
      /__fish_seen_subcommand_from plan' -l target -x -a 'local slurm .*hpc'/,
    );
  });

  it('refuses an unknown shell with exit 64', async () => {
    const run = await runCli(['completion', 'tcsh']);
    expect(run.code).toBe(EXIT.usage);
    expect(run.stderr).toContain('no completion for shell `tcsh`');
  });
});
