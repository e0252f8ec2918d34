/**
 * Debian has no Apptainer package, so the container tests put a stand-in `apptainer` first on
 * PATH: it records its argv (one argument a line) and runs the command after the image argument.
 * What it proves is the call augc makes, not Apptainer itself.
 */
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const script = (record: string): string => `#!/bin/sh
printf '%s\\n' "$@" >> "${record}"
[ "$1" = exec ] || exit 90
shift
while :; do
  case "$1" in
    --nv) shift ;;
    --bind|--pwd) shift 2 ;;
    *) break ;;
  esac
done
shift
exec "$@"
`;

export interface StandIn {
  /** PATH with the stand-in's folder first. */
  path: string;
  /** The arguments of every call so far, in order. */
  calls(): string[];
}

/** Installs the stand-in under `dir/bin`, recording into `dir/argv.txt`. */
export function standInApptainer(dir: string): StandIn {
  const bin = join(dir, 'bin');
  const record = join(dir, 'argv.txt');
  mkdirSync(bin, { recursive: true });
  writeFileSync(join(bin, 'apptainer'), script(record));
  chmodSync(join(bin, 'apptainer'), 0o755);
  return {
    path: `${bin}:${process.env['PATH'] ?? ''}`,
    calls: () => readFileSync(record, 'utf8').trim().split('\n'),
  };
}
