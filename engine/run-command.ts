/**
 * Runs a `command` method's program: argv array through execa, never a shell, with an
 * environment built from scratch so that nothing of the caller's (credentials, tokens) leaks to a
 * user program unless the pipeline names it in `pass_env`.
 */
import { execa } from 'execa';
import type { PlanMethod } from '../compiler/plan/types.js';

export interface CommandIdentity {
  taskId: string;
  combo: string;
  chunk: number;
  /** Decimal 32-bit seed derived from the task seed (numpy and torch accept it as is). */
  seed: string;
  input: string;
  output: string;
  textColumns: readonly string[];
  attempt: number;
}

/** The keys copied from the caller's environment when set; everything else must be declared. */
const BASE_ENV = ['PATH', 'HOME', 'LANG'] as const;

export function commandEnvOf(
  method: PlanMethod,
  id: CommandIdentity,
  callerEnv: NodeJS.ProcessEnv = process.env,
): Record<string, string> {
  const env: Record<string, string> = {};
  const copy = (name: string): void => {
    const value = callerEnv[name];
    if (value !== undefined) env[name] = value;
  };
  BASE_ENV.forEach(copy);
  Object.assign(env, method.env ?? {});
  (method.passEnv ?? []).forEach(copy);
  Object.assign(env, {
    AUGC_TASK_ID: id.taskId,
    AUGC_COMBO: id.combo,
    AUGC_CHUNK: String(id.chunk),
    AUGC_SEED: id.seed,
    AUGC_INPUT: id.input,
    AUGC_OUTPUT: id.output,
    AUGC_TEXT_COLUMNS: JSON.stringify(id.textColumns),
    AUGC_ATTEMPT: String(id.attempt),
  });
  return env;
}

/** Replaces `{input}`, `{output}` and `{seed}` inside each argv element (no shell involved). */
export function substituteArgv(argv: readonly string[], id: CommandIdentity): string[] {
  return argv.map((arg) =>
    arg
      .replaceAll('{input}', id.input)
      .replaceAll('{output}', id.output)
      .replaceAll('{seed}', id.seed),
  );
}

/** Keeps the last `limit` characters of a stream of text. */
export class TextTail {
  private text = '';
  constructor(private readonly limit: number) {}
  add(piece: string): void {
    this.text += piece;
    if (this.text.length > 2 * this.limit) this.text = this.text.slice(-this.limit);
  }
  toString(): string {
    return this.text.slice(-this.limit);
  }
}

/** A user program that exited non-zero or was killed: the task fails with this. */
export class CommandFailure extends Error {
  constructor(
    message: string,
    readonly exitCode: number | undefined,
    readonly signal: string | undefined,
    readonly stderrTail: string,
  ) {
    super(message);
    this.name = 'CommandFailure';
  }
}

export interface RunCommandOptions {
  method: PlanMethod;
  identity: CommandIdentity;
  cwd?: string;
  signal?: AbortSignal;
  /** Receives the program's stdout and stderr text as it comes (for the worker's log). */
  log?: (text: string) => void;
}

const TAIL_CHARS = 8192;

export async function runCommand(opts: RunCommandOptions): Promise<void> {
  const { method, identity } = opts;
  const [file, ...args] = substituteArgv(method.argv ?? [], identity);
  if (file === undefined)
    throw new Error(`plan invariant: command method ${method.id} has no argv`);
  const stderr = new TextTail(TAIL_CHARS);
  const child = execa(file, args, {
    env: commandEnvOf(method, identity),
    extendEnv: false,
    stdin: 'ignore',
    buffer: false,
    reject: false,
    ...(opts.cwd !== undefined ? { cwd: opts.cwd } : {}),
    ...(opts.signal !== undefined ? { cancelSignal: opts.signal } : {}),
  });
  child.stdout?.setEncoding('utf8').on('data', (text: string) => opts.log?.(text));
  child.stderr?.setEncoding('utf8').on('data', (text: string) => {
    stderr.add(text);
    opts.log?.(text);
  });
  const result = await child;
  opts.signal?.throwIfAborted();
  if (result.failed) throw failureOf(method, file, result, stderr.toString());
}

function failureOf(
  method: PlanMethod,
  file: string,
  result: {
    exitCode?: number | undefined;
    signal?: string | undefined;
    shortMessage?: string | undefined;
  },
  tail: string,
): CommandFailure {
  const who = `command method \`${method.id}\` (${file})`;
  if (result.signal !== undefined) {
    return new CommandFailure(
      `${who} was killed by ${result.signal}`,
      undefined,
      result.signal,
      tail,
    );
  }
  if (result.exitCode !== undefined) {
    return new CommandFailure(
      `${who} exited with code ${result.exitCode}`,
      result.exitCode,
      undefined,
      tail,
    );
  }
  return new CommandFailure(
    `${who} could not run: ${result.shortMessage ?? 'unknown error'}`,
    undefined,
    undefined,
    tail,
  );
}
