/**
 * Runs a `command` method's program: argv array through execa, never a shell, with an
 * environment built from scratch so that nothing of the caller's (credentials, tokens) leaks to a
 * user program unless the pipeline names it in `pass_env`. In `io = stdio` the input file is its
 * stdin and its stdout becomes the output file; otherwise it reads and writes the files itself.
 */
import { createWriteStream } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { execa } from 'execa';
import type { PlanMethod } from '../compiler/plan/types.js';
import { containerCall } from './container-argv.js';
import { CommandFailure } from './command-failure.js';

export { CommandFailure };

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
    ...(method.io === 'stdio' ? {} : { AUGC_OUTPUT: id.output }),
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

export interface RunCommandOptions {
  method: PlanMethod;
  identity: CommandIdentity;
  /** The directory the plan's relative paths are relative to; the program runs there. */
  cwd?: string;
  signal?: AbortSignal;
  /** Receives the program's stderr (and, in files mode, stdout) text as it comes (for the log). */
  log?: (text: string) => void;
  /** stdio mode: told the number of complete lines the program has printed so far. */
  onOutputLines?: (lines: number) => void;
}

export interface CommandRun {
  /** Bytes the program printed on stdout in files mode, where stdout is only logged. */
  stdoutBytes: number;
}

const TAIL_CHARS = 8192;

/** A relative program path is relative to `cwd`, whatever directory augc itself runs in. */
function programPath(file: string, cwd: string | undefined): string {
  return cwd !== undefined && file.includes('/') && !isAbsolute(file) ? resolve(cwd, file) : file;
}

/** Counts the complete lines of a byte stream as it passes (the program's stdout in stdio mode). */
function lineCounter(onLines: ((lines: number) => void) | undefined): Transform {
  let lines = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      for (const byte of chunk) if (byte === 0x0a) lines++;
      onLines?.(lines);
      done(null, chunk);
    },
  });
}

export async function runCommand(opts: RunCommandOptions): Promise<CommandRun> {
  const { method, identity } = opts;
  const [file, ...args] = substituteArgv(method.argv ?? [], identity);
  if (file === undefined)
    throw new Error(`plan invariant: command method ${method.id} has no argv`);
  const stdio = method.io === 'stdio';
  const stderr = new TextTail(TAIL_CHARS);
  const env = commandEnvOf(method, identity);
  const call = containerCall(
    method,
    { file: programPath(file, opts.cwd), args },
    {
      binds: [
        dirname(resolve(identity.input)),
        dirname(resolve(identity.output)),
        ...(opts.cwd !== undefined ? [resolve(opts.cwd)] : []),
      ],
      ...(opts.cwd !== undefined ? { cwd: resolve(opts.cwd) } : {}),
      envNames: Object.keys(env).filter((name) => name !== 'PATH' && name !== 'HOME'),
    },
  );
  const child = execa(call.file, call.args, {
    env,
    extendEnv: false,
    stdin: stdio ? { file: identity.input } : 'ignore',
    buffer: false,
    reject: false,
    ...(opts.cwd !== undefined ? { cwd: opts.cwd } : {}),
    ...(opts.signal !== undefined ? { cancelSignal: opts.signal } : {}),
  });
  let stdoutBytes = 0;
  // A failed write of the output (a full disk) must not leave the program running.
  const output =
    stdio && child.stdout
      ? pipeline(
          child.stdout,
          lineCounter(opts.onOutputLines),
          createWriteStream(identity.output),
        ).then(
          () => undefined,
          (error: unknown) => {
            child.kill();
            return error;
          },
        )
      : undefined;
  if (!stdio) {
    child.stdout?.setEncoding('utf8').on('data', (text: string) => {
      stdoutBytes += Buffer.byteLength(text);
      opts.log?.(text);
    });
  }
  child.stderr?.setEncoding('utf8').on('data', (text: string) => {
    stderr.add(text);
    opts.log?.(text);
  });
  const [result, outputError] = await Promise.all([child, output]);
  opts.signal?.throwIfAborted();
  if (result.failed) throw failureOf(method, file, result, stderr.toString());
  if (outputError !== undefined) throw outputError;
  return { stdoutBytes };
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
