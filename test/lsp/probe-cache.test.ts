/**
 * The server probes an input once per version of the file, not on every edit: the probe reads the
 * whole input, and a check runs at each keystroke.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cachedProbe } from '../../lsp/probe-cache.js';

describe('the input probe cache', () => {
  it('probes again only when the file changes, and never keeps a failure', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'augc-probe-'));
    const data = join(dir, 'data.csv');
    writeFileSync(data, 'text\na\n');
    const calls: string[] = [];
    let fail = false;
    const probe = cachedProbe(async (uri) => {
      calls.push(uri);
      if (fail) throw Object.assign(new Error('bad'), { code: 'EBAD' });
      return { columns: ['text'], rows: calls.length };
    });
    expect(await probe(data, 'csv')).toEqual({ columns: ['text'], rows: 1 });
    expect(await probe(data, 'csv')).toEqual({ columns: ['text'], rows: 1 });
    expect(calls).toHaveLength(1);
    expect((await probe(data, 'jsonl'))?.rows).toBe(2);
    writeFileSync(data, 'text\na\nb\n');
    expect((await probe(data, 'jsonl'))?.rows).toBe(3);
    fail = true;
    writeFileSync(data, 'text\na\nb\nc\n');
    await expect(probe(data, 'jsonl')).rejects.toThrow('bad');
    await expect(probe(data, 'jsonl')).rejects.toThrow('bad');
    expect(calls).toHaveLength(5);
    const missing = join(dir, 'missing.csv');
    await expect(probe(missing, 'csv')).rejects.toThrow('bad');
    await expect(probe(missing, 'csv')).rejects.toThrow('bad');
    expect(calls).toHaveLength(7);
  });
});
