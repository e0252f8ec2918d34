/**
 * The hyparquet-writer side of parquet-writer.ts, in a module of its own so that it is loaded
 * (with `import()`) only by a process that writes Parquet.
 */
import { ByteWriter, ParquetWriter } from 'hyparquet-writer';
import type { SchemaElement } from 'hyparquet';
import type { ByteSink } from '../storage/storage.js';

/** A ByteWriter that hands its bytes to the sink after every row group. */
class SinkWriter extends ByteWriter {
  constructor(private readonly sink: ByteSink) {
    super(1 << 20);
  }
  flush(): Promise<void> {
    const bytes = new Uint8Array(this.buffer.slice(0, this.index));
    this.index = 0;
    return this.sink.write(bytes);
  }
  override finish(): Promise<void> {
    return this.flush();
  }
}

export function openParquetWriter(sink: ByteSink, schema: SchemaElement[]): ParquetWriter {
  return new ParquetWriter({ writer: new SinkWriter(sink), schema, createdBy: 'augc' });
}
