import { describe, expect, it } from 'vitest';
import { checkStoragePath } from '../../../engine/storage/safe-path.js';

describe('checkStoragePath', () => {
  it('normalises harmless relative paths', () => {
    expect(checkStoragePath('a/./b//c.txt')).toEqual({ ok: true, path: 'a/b/c.txt' });
    expect(checkStoragePath('combo_2_syn+typo/part-00001.parquet')).toEqual({
      ok: true,
      path: 'combo_2_syn+typo/part-00001.parquet',
    });
  });

  it('rejects escapes, absolute paths, NUL and backslashes with a reason', () => {
    const cases: [string, RegExp][] = [
      ['..', /leaves the storage root/],
      ['a/../../b', /leaves the storage root/],
      ['/abs', /is absolute/],
      ['D:\\x', /contains/],
      ['x\0y', /NUL/],
      ['..\\x', /contains/],
      ['', /empty/],
      ['./', /names the root/],
    ];
    for (const [path, reason] of cases) {
      const checked = checkStoragePath(path);
      expect(checked.ok, JSON.stringify(path)).toBe(false);
      if (!checked.ok) expect(checked.message).toMatch(reason);
    }
  });
});
