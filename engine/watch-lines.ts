import { open, stat } from 'node:fs/promises';

/** How often a `command` program's output file is looked at for progress. */
export const WATCH_INTERVAL_MS = 500;

export interface LineWatch {
  /** Stops polling, after one last look so that the final count is reported. */
  stop(): Promise<void>;
}

const READ_BYTES = 64 * 1024;

/**
 * Counts the complete lines of a file another process is writing, by polling its size and
 * reading only what was appended since the last look. A file that shrinks was rewritten from the
 * start: counting starts again. A file that does not exist yet counts as empty.
 */
export function watchLines(
  path: string,
  onLines: (lines: number) => void,
  intervalMs = WATCH_INTERVAL_MS,
): LineWatch {
  let offset = 0;
  let lines = 0;
  let busy: Promise<void> = Promise.resolve();
  const buffer = Buffer.alloc(READ_BYTES);

  // Opened anew each time it grew: a program may replace the file rather than append to it.
  const look = async (): Promise<void> => {
    const size = (await stat(path).catch(() => undefined))?.size ?? 0;
    if (size < offset) [offset, lines] = [0, 0];
    if (size === offset) return;
    const before = lines;
    const handle = await open(path, 'r');
    try {
      while (offset < size) {
        const { bytesRead } = await handle.read(buffer, 0, READ_BYTES, offset);
        if (bytesRead === 0) break;
        for (let i = 0; i < bytesRead; i++) if (buffer[i] === 0x0a) lines++;
        offset += bytesRead;
      }
    } finally {
      await handle.close();
    }
    if (lines !== before) onLines(lines);
  };
  // One look at a time: a slow disk must not make two reads race over `offset`.
  const tick = (): void => {
    busy = busy.then(look).catch(() => undefined);
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      tick();
      await busy;
    },
  };
}
