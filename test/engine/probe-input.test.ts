import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isDataError } from '../../engine/formats/data-error.js';
import { probeInput } from '../../engine/probe-input.js';
import { writeTemp } from './data-files.js';

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
});
