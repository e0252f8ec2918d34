/**
 * How this augc starts its workers, and the command line that started it: the CLI is the only
 * code that reads argv, so it hands both to the run layer.
 */
import { resolve } from 'node:path';
import type { WorkerLaunch } from '../../runtimes/runtime.js';

/** `node /abs/bin/augc.js`: workers on other machines of a shared filesystem can run the same. */
export function workerLaunch(): WorkerLaunch {
  const script = process.argv[1];
  return { program: process.execPath, args: script ? [resolve(script)] : [], env: {} };
}

const PLAIN = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** `augc run x.aug --set 'a=b c'`: the exact arguments, quoted for a POSIX shell. */
export function commandLineOf(argv: readonly string[]): string {
  const quoted = argv.map((a) => (PLAIN.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`));
  return ['augc', ...quoted].join(' ');
}
