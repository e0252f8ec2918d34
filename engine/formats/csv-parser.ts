/**
 * An RFC 4180 CSV state machine that is fed text in pieces of any size and keeps its state
 * across them, so a record (or a 10 MB field) may span any number of reads. Line endings may be
 * CRLF, LF or CR, mixed. A malformed record is not fatal here: it is marked bad with the reason
 * and parsing resumes at the next record, which lets the reader apply the skip policy.
 */
const COMMA = 44;
const QUOTE = 34;
const LF = 10;
const CR = 13;

const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
const QUOTE_IN_QUOTED = 3;
const AFTER_CR = 4;

export interface CsvRecord {
  fields: string[];
  /** 1-based line where the record starts. */
  line: number;
  /** Why the record is malformed, if it is. */
  bad?: string;
  /** Text of the record; only built for bad records (it costs a copy). */
  raw?: string;
}

/** Keeps at most this much of a record's text for reject reports. */
const CARRY_LIMIT = 1 << 16;

export class CsvParser {
  /** The first record's (the header's) field count: other counts get their `raw` text kept. */
  private expectedFields = -1;
  private state = FIELD_START;
  private fields: string[] = [];
  private field = '';
  private quoted = false;
  private line = 1;
  private recordLine = 1;
  private quoteLine = 1;
  private bad: string | undefined;
  /** Text of the current record from earlier pieces. */
  private carry = '';
  private recordStart = 0;
  private piece = '';

  /** Parses `text`; complete records are pushed to `out`. */
  feed(text: string, out: CsvRecord[]): void {
    this.piece = text;
    this.recordStart = 0;
    const n = text.length;
    let i = 0;
    while (i < n) i = this.step(text, i, n, out);
    if (this.carry.length < CARRY_LIMIT) this.carry += text.slice(this.recordStart);
  }

  /** Marks the record being parsed as bad (used for invalid UTF-8 found by the decoder). */
  markBad(reason: string): void {
    this.bad ??= reason;
  }

  /** Ends the input: the last record may lack a final newline. */
  finish(out: CsvRecord[]): void {
    this.piece = '';
    this.recordStart = 0;
    if (this.state === QUOTED) {
      this.markBad(`unterminated quoted field starting at line ${this.quoteLine}`);
    }
    if (this.state !== FIELD_START || this.fields.length > 0) {
      this.endField();
      this.endRecord(0, out);
    }
  }

  private step(s: string, i: number, n: number, out: CsvRecord[]): number {
    switch (this.state) {
      case FIELD_START:
        if (s.charCodeAt(i) === QUOTE) {
          this.state = QUOTED;
          this.quoted = true;
          this.quoteLine = this.line;
          return i + 1;
        }
        this.state = UNQUOTED;
        return this.unquoted(s, i, n, out);
      case UNQUOTED:
        return this.unquoted(s, i, n, out);
      case QUOTED:
        return this.quotedRun(s, i, n);
      case QUOTE_IN_QUOTED:
        return this.afterQuote(s, i, out);
      default: // AFTER_CR
        this.state = FIELD_START;
        return s.charCodeAt(i) === LF ? i + 1 : i;
    }
  }

  private unquoted(s: string, i: number, n: number, out: CsvRecord[]): number {
    let j = i;
    let c = 0;
    while (j < n) {
      c = s.charCodeAt(j);
      if (c === COMMA || c === LF || c === CR || c === QUOTE) break;
      j++;
    }
    this.field = this.field === '' ? s.slice(i, j) : this.field + s.slice(i, j);
    if (j === n) return n;
    if (c === QUOTE) {
      this.markBad(`unexpected quote in unquoted field at line ${this.line}`);
      this.field += '"';
      return j + 1;
    }
    return this.delimiter(c, j, out);
  }

  private quotedRun(s: string, i: number, n: number): number {
    const j = s.indexOf('"', i);
    const end = j === -1 ? n : j;
    const run = s.slice(i, end);
    this.field = this.field === '' ? run : this.field + run;
    this.line += countLines(run);
    if (j === -1) return n;
    this.state = QUOTE_IN_QUOTED;
    return j + 1;
  }

  private afterQuote(s: string, i: number, out: CsvRecord[]): number {
    const c = s.charCodeAt(i);
    if (c === QUOTE) {
      this.field += '"';
      this.state = QUOTED;
      return i + 1;
    }
    if (c === COMMA || c === LF || c === CR) return this.delimiter(c, i, out);
    this.markBad(`unexpected character after closing quote at line ${this.line}`);
    this.state = UNQUOTED;
    return i;
  }

  /** Handles `,` or a line break at `j`; returns the next index. */
  private delimiter(c: number, j: number, out: CsvRecord[]): number {
    this.endField();
    if (c === COMMA) {
      this.state = FIELD_START;
      return j + 1;
    }
    this.endRecord(j, out);
    this.line++;
    this.recordLine = this.line;
    this.state = c === CR ? AFTER_CR : FIELD_START;
    this.recordStart = c === CR && this.piece.charCodeAt(j + 1) === LF ? j + 2 : j + 1;
    return j + 1;
  }

  private endField(): void {
    this.fields.push(this.field);
    this.field = '';
  }

  private endRecord(end: number, out: CsvRecord[]): void {
    const fields = this.fields;
    const blank = fields.length === 1 && fields[0] === '' && !this.quoted;
    if (!blank || this.bad !== undefined) {
      const record: CsvRecord = { fields, line: this.recordLine };
      if (this.bad !== undefined) record.bad = this.bad;
      if (
        this.bad !== undefined ||
        (this.expectedFields >= 0 && fields.length !== this.expectedFields)
      ) {
        record.raw = this.carry + this.piece.slice(this.recordStart, end);
      }
      out.push(record);
      if (this.expectedFields < 0) this.expectedFields = fields.length;
    }
    this.fields = [];
    this.quoted = false;
    this.bad = undefined;
    this.carry = '';
  }
}

/** Line breaks in a quoted run: LF, and CR not followed by LF. */
function countLines(run: string): number {
  let count = 0;
  let k = run.indexOf('\n');
  while (k !== -1) {
    count++;
    k = run.indexOf('\n', k + 1);
  }
  if (run.includes('\r')) {
    for (let m = 0; m < run.length; m++) {
      if (run.charCodeAt(m) === CR && run.charCodeAt(m + 1) !== LF) count++;
    }
  }
  return count;
}
