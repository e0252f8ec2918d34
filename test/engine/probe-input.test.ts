import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { isDataError } from '../../engine/formats/data-error.js';
import { probeInput } from '../../engine/probe-input.js';
import { tempDir, writeTemp } from './data-files.js';

describe('probeInput', () => {
  it('returns columns, good rows, rejected rows and the sha256 of a local CSV', async () => {
    const text = 'a,b\n1,"x\ny"\n2\n3,z\n';
    const path = await writeTemp('in.csv', text);
    expect(await probeInput(path, 'csv')).toEqual({
      columns: ['a', 'b'],
      rows: 2,
      rejected: 1,
      sha256: createHash('sha256').update(text).digest('hex'),
    });
  });

  it('reads file:// URIs and JSONL', async () => {
    const path = await writeTemp('in.jsonl', '{"t":"a"}\n{"t":"b"}\n');
    const probe = await probeInput(`file://${path}`, 'jsonl');
    expect(probe?.rows).toBe(2);
    expect(probe?.columns).toEqual(['t']);
  });

  it('returns undefined for remote URIs and throws a DataError for an empty file', async () => {
    expect(await probeInput('s3://bucket/in.csv', 'csv')).toBeUndefined();
    const empty = await writeTemp('e.csv', '');
    const error = await probeInput(empty, 'csv').catch((e: unknown) => e);
    expect(isDataError(error)).toBe(true);
  });

  it('decompresses a `.gz` input while reading and hashes its bytes as stored', async () => {
    const text = 'a,b\n1,"x\ny"\n2\n3,z\n';
    const stored = gzipSync(text);
    const path = await writeTemp('in.csv.gz', stored);
    expect(await probeInput(path, 'csv')).toEqual({
      columns: ['a', 'b'],
      rows: 2,
      rejected: 1,
      sha256: createHash('sha256').update(stored).digest('hex'),
    });
    const jsonl = await writeTemp('in.jsonl.gz', gzipSync('{"t":"a"}\n{"t":"b"}\n'));
    expect((await probeInput(jsonl, 'jsonl'))?.rows).toBe(2);
  });

  it('reports bad or cut-short gzip data as a DataError and a missing file as ENOENT', async () => {
    const cut = gzipSync('a,b\n1,2\n'.repeat(100)).subarray(0, 30);
    for (const bytes of [new TextEncoder().encode('a,b\n1,2\n'), cut]) {
      const error = await probeInput(await writeTemp('bad.csv.gz', bytes), 'csv').catch(
        (e: unknown) => e,
      );
      expect(isDataError(error) && error.detail.message).toMatch(/^not valid gzip data: /);
    }
    const missing = await probeInput(`${await tempDir()}/none.csv.gz`, 'csv').catch(
      (e: unknown) => e,
    );
    expect((missing as { code?: string }).code).toBe('ENOENT');
  });

  it('refuses gzip-compressed Parquet before reading it', async () => {
    const path = await writeTemp('in.parquet.gz', gzipSync('PAR1'));
    const error = await probeInput(path, 'parquet').catch((e: unknown) => e);
    expect(isDataError(error) && error.detail.message).toBe(
      'a gzip-compressed input must be CSV or JSONL',
    );
  });
});
