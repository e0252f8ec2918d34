/**
 * Quoting for the job scripts augc writes. Every value that comes from a pipeline, a path or the
 * command line reaches a script only through `shellQuote`: POSIX single quotes, inside which the
 * shell expands nothing (`$(...)`, backticks, `;`, newlines are literal), with each `'` written as
 * `'\''`.
 */
export function shellQuote(value: string): string {
  if (value.includes('\0')) throw new Error('a NUL byte cannot be passed to a job script');
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** A job name schedulers accept everywhere: other characters become `_`, at most 64 long. */
export function jobNameOf(...parts: string[]): string {
  return parts
    .join('-')
    .replace(/[^A-Za-z0-9_.+-]/g, '_')
    .slice(0, 64);
}
