/**
 * The one place grid runtimes spawn scheduler commands: argv arrays through execa (never a shell),
 * one call at a time with a minimum gap between calls (a login node's controller is shared), and a
 * few retries with back-off when the controller is briefly unreachable. It counts calls so that
 * status polling can be held to one call per poll (bench/slurm-submit.js reports it).
 */
import { execa } from 'execa';

export interface CommandResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** The command is not installed (ENOENT). */
  missing: boolean;
}

export type Exec = (argv: readonly string[]) => Promise<CommandResult>;

export function execaExec(env: Readonly<Record<string, string | undefined>>): Exec {
  return async (argv) => {
    const [file, ...args] = argv;
    if (file === undefined) throw new Error('empty argv');
    const r = await execa(file, args, {
      reject: false,
      env: { ...env },
      extendEnv: false,
      timeout: 120_000,
    });
    const missing = (r as { code?: string }).code === 'ENOENT';
    return {
      exitCode: r.exitCode ?? (missing ? 127 : 1),
      stdout: String(r.stdout ?? ''),
      stderr: String(r.stderr ?? ''),
      missing,
    };
  };
}

/** Messages after which the same call usually succeeds a moment later. */
const TRANSIENT =
  /timed out|temporarily unavailable|try again|Unable to contact|Connection refused|Resource temporarily/i;

export interface ClientOptions {
  minGapMs?: number;
  retries?: number;
  retryBaseMs?: number;
}

export class SchedulerClient {
  calls = 0;
  private last = 0;
  private chain: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly exec: Exec,
    private readonly opts: ClientOptions = {},
  ) {}

  /** Runs `argv` after the calls before it, retrying transient failures. */
  run(argv: readonly string[]): Promise<CommandResult> {
    const next = this.chain.then(() => this.attempt(argv, 0));
    this.chain = next.catch(() => undefined);
    return next;
  }

  private async attempt(argv: readonly string[], tried: number): Promise<CommandResult> {
    const gap = (this.opts.minGapMs ?? 0) - (Date.now() - this.last);
    if (gap > 0) await sleep(gap);
    this.last = Date.now();
    this.calls++;
    const r = await this.exec(argv);
    const retries = this.opts.retries ?? 3;
    if (r.exitCode === 0 || r.missing || tried >= retries || !TRANSIENT.test(r.stderr + r.stdout))
      return r;
    await sleep((this.opts.retryBaseMs ?? 1000) * 2 ** tried);
    return this.attempt(argv, tried + 1);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** `cmd arg 'odd arg'` for messages and `--dry-run` (display only: argv is never run through a shell). */
export function displayArgv(argv: readonly string[]): string {
  return argv
    .map((a) => (/^[A-Za-z0-9_@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`))
    .join(' ');
}
