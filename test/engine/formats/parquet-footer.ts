/**
 * A reader of a Parquet file's footer schema that shares no code with hyparquet: the footer is
 * FileMetaData in Thrift's compact protocol, and field 2 is the list of SchemaElements (1: type,
 * 4: name). Enough to assert the physical type augc wrote, as pyarrow's schema would show it.
 */
import { readFileSync } from 'node:fs';

const PHYSICAL = [
  'BOOLEAN',
  'INT32',
  'INT64',
  'INT96',
  'FLOAT',
  'DOUBLE',
  'BYTE_ARRAY',
  'FIXED_LEN_BYTE_ARRAY',
];

class Compact {
  pos = 0;
  constructor(private readonly bytes: Uint8Array) {}
  byte(): number {
    const b = this.bytes[this.pos++];
    if (b === undefined) throw new Error('footer ends early');
    return b;
  }
  varint(): bigint {
    let shift = 0n;
    let out = 0n;
    for (;;) {
      const b = this.byte();
      out |= BigInt(b & 0x7f) << shift;
      if ((b & 0x80) === 0) return out;
      shift += 7n;
    }
  }
  zigzag(): number {
    const v = this.varint();
    return Number((v >> 1n) ^ -(v & 1n));
  }
  binary(): Uint8Array {
    const n = Number(this.varint());
    this.pos += n;
    return this.bytes.subarray(this.pos - n, this.pos);
  }
  /** Reads a struct's fields, calling `onField(id, type)`; it must consume the value or return false. */
  struct(onField: (id: number, type: number) => boolean): void {
    let last = 0;
    for (;;) {
      const head = this.byte();
      if (head === 0) return;
      const type = head & 0x0f;
      const delta = head >> 4;
      const id = delta === 0 ? this.zigzag() : last + delta;
      last = id;
      if (!onField(id, type)) this.skip(type);
    }
  }
  listHeader(): { size: number; type: number } {
    const head = this.byte();
    const size = head >> 4 === 15 ? Number(this.varint()) : head >> 4;
    return { size, type: head & 0x0f };
  }
  skip(type: number): void {
    if (type === 1 || type === 2) return; // booleans are in the type nibble
    if (type === 3) this.pos++;
    else if (type >= 4 && type <= 6) this.varint();
    else if (type === 7) this.pos += 8;
    else if (type === 8) this.binary();
    else if (type === 9 || type === 10) {
      const { size, type: item } = this.listHeader();
      for (let i = 0; i < size; i++) this.skip(item);
    } else if (type === 11) {
      const size = Number(this.varint());
      const kinds = size > 0 ? this.byte() : 0;
      for (let i = 0; i < size; i++) {
        this.skip(kinds >> 4);
        this.skip(kinds & 0x0f);
      }
    } else if (type === 12) this.struct(() => false);
    else throw new Error(`unknown thrift compact type ${type}`);
  }
}

/** Column name -> physical type, for the leaf columns of a flat Parquet file. */
export function parquetPhysicalTypes(path: string): Record<string, string> {
  const file = readFileSync(path);
  const length = file.readUInt32LE(file.length - 8);
  if (file.subarray(file.length - 4).toString() !== 'PAR1') throw new Error('not Parquet');
  const reader = new Compact(file.subarray(file.length - 8 - length, file.length - 8));
  const types: Record<string, string> = {};
  reader.struct((id, type) => {
    if (id !== 2 || type !== 9) return false;
    const { size } = reader.listHeader();
    for (let i = 0; i < size; i++) {
      let name = '';
      let physical: string | undefined;
      reader.struct((field, kind) => {
        if (field === 1 && kind === 5) physical = PHYSICAL[reader.zigzag()];
        else if (field === 4 && kind === 8) name = Buffer.from(reader.binary()).toString('utf8');
        else return false;
        return true;
      });
      if (physical !== undefined) types[name] = physical;
    }
    return true;
  });
  return types;
}
