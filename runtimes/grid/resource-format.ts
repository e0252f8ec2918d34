/** Resource values in the units schedulers take. */

/** Memory in whole MiB, rounded up (Slurm `--mem=<n>M`, PBS `mem=<n>mb`: both binary). */
export function mebibytes(bytes: number): number {
  return Math.max(1, Math.ceil(bytes / 1024 ** 2));
}

const pad = (n: number): string => String(n).padStart(2, '0');

function clock(s: number): string {
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
}

/** `HH:MM:SS` with as many hours as needed (PBS `walltime`); at least one second. */
export function hms(seconds: number): string {
  return clock(Math.max(1, Math.ceil(seconds)));
}

/** `D-HH:MM:SS`, or `HH:MM:SS` under a day (Slurm `--time`). */
export function slurmTime(seconds: number): string {
  const s = Math.max(1, Math.ceil(seconds));
  const days = Math.floor(s / 86_400);
  return days > 0 ? `${days}-${clock(s % 86_400)}` : clock(s);
}
