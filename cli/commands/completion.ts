/**
 * `augc completion bash|zsh|fish`: prints a completion script generated from the program itself
 * (every command is registered for this one, as for `--help`).
 */
import type { Command, Option } from 'commander';
import { targetNames } from '../../compiler/targets/catalog.js';
import { methodNames } from '../../stdlib/catalog/index.js';
import {
  bashScript,
  fishScript,
  zshScript,
  type CommandSpec,
  type FlagSpec,
  type ProgramSpec,
} from '../completion-scripts.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';

const SHELLS = { bash: bashScript, zsh: zshScript, fish: fishScript } as const;

/** Values commander does not know as choices: the targets (and `hpc`, the scheduler on PATH). */
const FLAG_VALUES: Record<string, () => readonly string[]> = {
  '--target': () => [...targetNames(), 'hpc'],
};

/** Argument words per command; a command not named here completes file names. */
const ARG_VALUES: Record<string, () => readonly string[]> = {
  methods: methodNames,
  completion: () => Object.keys(SHELLS),
};

function flagSpec(option: Option): FlagSpec | undefined {
  if (option.long === undefined || option.hidden) return undefined;
  const values = option.argChoices ?? FLAG_VALUES[option.long]?.();
  return {
    long: option.long,
    ...(option.short ? { short: option.short } : {}),
    description: option.description,
    takesValue: option.required || option.optional,
    ...(values ? { values } : {}),
  };
}

const flagsOf = (command: Command): FlagSpec[] => command.options.flatMap((o) => flagSpec(o) ?? []);

/** What the scripts need to know of the program, read from commander's own registry. */
export function programSpec(program: Command): ProgramSpec {
  const commands = program.commands.map((c): CommandSpec => {
    const args = ARG_VALUES[c.name()]?.();
    return {
      name: c.name(),
      description: c.description(),
      flags: flagsOf(c),
      ...(args ? { argValues: args } : {}),
    };
  });
  return { name: program.name(), globalFlags: flagsOf(program), commands };
}

export function completionCommand(program: Command, ctx: CliContext): void {
  program
    .command('completion')
    .description('print a shell completion script: source <(augc completion bash)')
    .argument('<shell>', 'bash, zsh or fish')
    .action((shell: string) => {
      const render = SHELLS[shell as keyof typeof SHELLS];
      if (!render) {
        ctx.io.stderr.write(
          `error[AUG5001]: no completion for shell \`${shell}\`\n  = help: use bash, zsh or fish\n`,
        );
        ctx.exitCode = EXIT.usage;
        return;
      }
      ctx.io.stdout.write(render(programSpec(program)));
    });
}
