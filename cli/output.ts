export interface Writer {
  write(text: string): unknown;
}

/**
 * Everything the CLI touches of the process, so that tests run it in-process. stdout carries
 * data (plans, JSON, formatted text); stderr carries messages and human diagnostics.
 */
export interface CliIo {
  stdout: Writer;
  stderr: Writer;
  env: Record<string, string | undefined>;
  /** Whether stderr is a terminal (colour is only used on one). */
  isTTY: boolean;
  /** Reads all of stdin (`augc fmt -`); absent where there is none, e.g. in most tests. */
  readStdin?: () => Promise<string>;
  /** The process's own stdin and stdout, for a command that speaks a protocol over them (`augc lsp`). */
  streams?: { stdin: NodeJS.ReadStream; stdout: NodeJS.WriteStream };
}

async function readProcessStdin(): Promise<string> {
  const parts: Buffer[] = [];
  for await (const part of process.stdin) parts.push(part as Buffer);
  return Buffer.concat(parts).toString('utf8');
}

/** The real process streams. */
export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    isTTY: process.stderr.isTTY,
    readStdin: readProcessStdin,
    streams: { stdin: process.stdin, stdout: process.stdout },
  };
}

/** Colour on a terminal only, never with NO_COLOR (https://no-color.org) or FORCE_NO_COLOR. */
export function useColor(io: CliIo): boolean {
  return io.isTTY && !io.env['NO_COLOR'] && !io.env['FORCE_NO_COLOR'];
}
