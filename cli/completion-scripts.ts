/**
 * Shell completion scripts for bash, zsh and fish, generated from a description of the commander
 * program (commands, their flags, the values a flag or argument takes), so that they never drift
 * from the CLI. zsh reuses the bash function through `bashcompinit`, which zsh ships for this.
 */

export interface FlagSpec {
  /** `--format`, and `-o` when there is a short form. */
  long: string;
  short?: string;
  description: string;
  takesValue: boolean;
  /** Completion words for its value; none: file names. */
  values?: readonly string[];
}

export interface CommandSpec {
  name: string;
  description: string;
  flags: FlagSpec[];
  /** Completion words for its arguments; none: file names. */
  argValues?: readonly string[];
}

export interface ProgramSpec {
  name: string;
  globalFlags: FlagSpec[];
  commands: CommandSpec[];
}

const words = (list: readonly string[]): string => list.join(' ');
const flagWords = (flags: readonly FlagSpec[]): string[] =>
  flags.flatMap((f) => (f.short ? [f.long, f.short] : [f.long]));

function bashValueCases(spec: ProgramSpec): string[] {
  const seen = new Map<string, readonly string[]>();
  for (const flag of [...spec.globalFlags, ...spec.commands.flatMap((c) => c.flags)])
    if (flag.values) for (const name of flagWords([flag])) seen.set(name, flag.values);
  return [...seen].map(
    ([flag, values]) =>
      `    ${flag}) COMPREPLY=($(compgen -W "${words(values)}" -- "$cur")); return ;;`,
  );
}

function bashCommandCases(spec: ProgramSpec): string[] {
  return spec.commands.map(
    (c) =>
      `    ${c.name}) opts="${words([...flagWords(c.flags), '--help'])}"; args="${words(c.argValues ?? [])}" ;;`,
  );
}

export function bashScript(spec: ProgramSpec): string {
  const fn = `_${spec.name}`;
  const top = [...spec.commands.map((c) => c.name), ...flagWords(spec.globalFlags), '--help'];
  return [
    `# ${spec.name} completion for bash: source <(${spec.name} completion bash)`,
    `${fn}() {`,
    '  local cur="${COMP_WORDS[COMP_CWORD]}" prev="" cmd="" opts="" args="" i',
    '  [[ $COMP_CWORD -gt 0 ]] && prev="${COMP_WORDS[COMP_CWORD-1]}"',
    '  for ((i = 1; i < COMP_CWORD; i++)); do',
    '    case "${COMP_WORDS[i]}" in -*) ;; *) cmd="${COMP_WORDS[i]}"; break ;; esac',
    '  done',
    '  if [[ -z "$cmd" ]]; then',
    `    COMPREPLY=($(compgen -W "${words(top)}" -- "$cur"))`,
    '    return',
    '  fi',
    '  case "$prev" in',
    ...bashValueCases(spec),
    '  esac',
    '  case "$cmd" in',
    ...bashCommandCases(spec),
    '  esac',
    '  if [[ "$cur" == -* ]]; then',
    '    COMPREPLY=($(compgen -W "$opts" -- "$cur"))',
    '  elif [[ -n "$args" ]]; then',
    '    COMPREPLY=($(compgen -W "$args" -- "$cur"))',
    '  else',
    '    COMPREPLY=($(compgen -f -- "$cur"))',
    '  fi',
    '}',
    `complete -o default -F ${fn} ${spec.name}`,
    '',
  ].join('\n');
}

export function zshScript(spec: ProgramSpec): string {
  return [
    `# ${spec.name} completion for zsh: source <(${spec.name} completion zsh)`,
    'autoload -U +X bashcompinit && bashcompinit',
    bashScript(spec).split('\n').slice(1).join('\n'),
  ].join('\n');
}

const fishQuote = (text: string): string => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

function fishFlag(name: string, condition: string, flag: FlagSpec): string {
  const parts = [`complete -c ${name}`, `-n ${fishQuote(condition)}`, `-l ${flag.long.slice(2)}`];
  if (flag.short) parts.push(`-s ${flag.short.slice(1)}`);
  if (flag.values) parts.push(`-x -a ${fishQuote(words(flag.values))}`);
  else if (flag.takesValue) parts.push('-r');
  parts.push(`-d ${fishQuote(flag.description)}`);
  return parts.join(' ');
}

export function fishScript(spec: ProgramSpec): string {
  const n = spec.name;
  const lines = [`# ${n} completion for fish: ${n} completion fish | source`];
  for (const flag of spec.globalFlags) lines.push(fishFlag(n, '__fish_use_subcommand', flag));
  for (const c of spec.commands) {
    lines.push(
      `complete -c ${n} -f -n '__fish_use_subcommand' -a ${c.name} -d ${fishQuote(c.description)}`,
    );
    const when = `__fish_seen_subcommand_from ${c.name}`;
    for (const flag of c.flags) lines.push(fishFlag(n, when, flag));
    if (c.argValues)
      lines.push(`complete -c ${n} -f -n ${fishQuote(when)} -a ${fishQuote(words(c.argValues))}`);
  }
  return `${lines.join('\n')}\n`;
}
