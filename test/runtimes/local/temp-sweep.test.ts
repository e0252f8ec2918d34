import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasTempFiles, sweepTempFiles } from '../../../runtimes/local/temp-sweep.js';

describe('sweepTempFiles', () => {
  it("removes only the killed pid's temp files, recursively", async () => {
    const root = mkdtempSync(join(tmpdir(), 'augc-sweep-'));
    mkdirSync(join(root, 'combo_1_a'));
    writeFileSync(join(root, 'combo_1_a', '.augc-tmp-123-abc-part-00000.csv'), 'x');
    writeFileSync(join(root, 'combo_1_a', '.augc-tmp-456-def-part-00001.csv'), 'x');
    writeFileSync(join(root, 'combo_1_a', 'part-00002.csv'), 'x');
    expect(await sweepTempFiles(root, 123)).toBe(1);
    expect(readdirSync(join(root, 'combo_1_a')).sort()).toEqual([
      '.augc-tmp-456-def-part-00001.csv',
      'part-00002.csv',
    ]);
    expect(await hasTempFiles(root)).toBe(true);
    await sweepTempFiles(root, 456);
    expect(await hasTempFiles(root)).toBe(false);
  });
});
