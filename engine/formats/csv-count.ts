/**
 * Counting the rows of a plain CSV without parsing them, for `augc plan` (probe-input.ts), which
 * reads a local input once to learn its row count: on a 100,000-row file that count was most of
 * what planning cost above start-up.
 *
 * "Plain" means no `"` and no carriage return anywhere, and valid UTF-8: then every line is a
 * record, a blank line is skipped, and a line's fields are its commas plus one, so the answers are
 * those of the full reader (csv-reader.ts) under `skip`: good rows, and rejected rows (another
 * field count than the header's). A file that is not plain makes `countPlainCsv` give up
 * (undefined) as soon as it sees so; the caller then reads it with the full reader.
 * test/engine/formats/csv-count.test.ts holds the two to the same answers.
 */
import { isUtf8 } from 'node:buffer';
import { checkHeader } from './header.js';

const LF = 10;
const COMMA = 44;
const QUOTE = 34;
const CR = 13;

export interface PlainCount {
  columns: string[];
  rows: number;
  rejected: number;
}

/** Bytes at the end of `bytes` that may start a character continued in the next chunk. */
function incompleteTail(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const b = bytes[bytes.length - back] ?? 0;
    if ((b & 0xc0) === 0x80) continue;
    const len = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return len > back ? back : 0;
  }
  return 0;
}

class LineCounter {
  header: string[] | undefined;
  headerLine = 0;
  rows = 0;
  rejected = 0;
  private line = 0;
  /** The current line so far: its commas, whether it has any byte, its bytes (header only). */
  private commas = 0;
  private started = false;
  private headerBytes: Buffer[] = [];

  constructor(private readonly file: string) {}

  /** Counts the complete lines of `bytes`; the last, unfinished one is carried over. */
  feed(bytes: Buffer): void {
    let at = 0;
    while (at < bytes.length) {
      const end = bytes.indexOf(LF, at);
      const stop = end === -1 ? bytes.length : end;
      if (stop > at) this.take(bytes, at, stop);
      if (end === -1) return;
      this.endLine();
      at = end + 1;
    }
  }

  private take(bytes: Buffer, from: number, to: number): void {
    this.started = true;
    if (this.header === undefined) this.headerBytes.push(bytes.subarray(from, to));
    let c = bytes.indexOf(COMMA, from);
    while (c !== -1 && c < to) {
      this.commas++;
      c = bytes.indexOf(COMMA, c + 1);
    }
  }

  endLine(): void {
    this.line++;
    if (this.started) {
      if (this.header === undefined) {
        const text = Buffer.concat(this.headerBytes).toString('utf8');
        this.header = text.split(',');
        this.headerLine = this.line;
        checkHeader(this.file, this.header, this.line);
      } else if (this.commas + 1 === this.header.length) this.rows++;
      else this.rejected++;
    }
    this.commas = 0;
    this.started = false;
    this.headerBytes = [];
  }
}

/**
 * The rows of a plain CSV, or undefined when it is not plain (or has no header: the full reader
 * then says why). `stream` is the file's bytes; a leading BOM is skipped as the reader does.
 */
export async function countPlainCsv(
  file: string,
  stream: AsyncIterable<Uint8Array>,
  onBytes?: (bytes: Uint8Array) => void,
): Promise<PlainCount | undefined> {
  const counter = new LineCounter(file);
  let carry: Buffer = Buffer.alloc(0);
  let first = true;
  for await (const chunk of stream) {
    onBytes?.(chunk);
    const view = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let bytes = carry.length === 0 ? view : Buffer.concat([carry, view]);
    if (first) {
      if (bytes.length < 3) {
        carry = bytes;
        continue;
      }
      first = false;
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
    }
    const keep = incompleteTail(bytes);
    const whole = bytes.subarray(0, bytes.length - keep);
    if (whole.indexOf(QUOTE) !== -1 || whole.indexOf(CR) !== -1 || !isUtf8(whole)) return undefined;
    counter.feed(whole);
    carry = Buffer.from(bytes.subarray(bytes.length - keep));
  }
  if (carry.length > 0) {
    if (carry.indexOf(QUOTE) !== -1 || carry.indexOf(CR) !== -1 || !isUtf8(carry)) return undefined;
    counter.feed(carry);
  }
  counter.endLine();
  if (counter.header === undefined) return undefined;
  return { columns: counter.header, rows: counter.rows, rejected: counter.rejected };
}
