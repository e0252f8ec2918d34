import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createFileStorage } from '../../../engine/storage/file-storage.js';
import { localPathOf, openStorage } from '../../../engine/storage/open-storage.js';
import { tempDir } from '../data-files.js';

describe('createFileStorage', () => {
  it('writes atomically, reads, lists, stats, hashes and removes', async () => {
    const root = await tempDir();
    const storage = createFileStorage(root);
    await storage.writeAtomic('a/b/one.txt', 'hello');
    await storage.writeAtomic('a/two.txt', new Uint8Array([1, 2, 3]));
    await storage.writeAtomic('top.txt', 'x');
    expect(await storage.readText('a/b/one.txt')).toBe('hello');
    expect(await readFile(join(root, 'a/b/one.txt'), 'utf8')).toBe('hello');
    expect(await storage.list('a')).toEqual(['a/b/one.txt', 'a/two.txt']);
    expect(await storage.list('')).toEqual(['a/b/one.txt', 'a/two.txt', 'top.txt']);
    expect(await storage.list('missing')).toEqual([]);
    expect(await storage.stat('a/two.txt')).toEqual({ size: 3 });
    expect(await storage.stat('a')).toBeUndefined();
    expect(await storage.exists('a/two.txt')).toBe(true);
    expect(await storage.exists('nope.txt')).toBe(false);
    expect(await storage.sha256('a/b/one.txt')).toBe(
      createHash('sha256').update('hello').digest('hex'),
    );
    await storage.remove('a/two.txt');
    await storage.remove('a/two.txt');
    expect(await storage.exists('a/two.txt')).toBe(false);
  });

  it('streams through a write stream that appears only on commit', async () => {
    const root = await tempDir();
    const storage = createFileStorage(root);
    const sink = await storage.createWriteStream('d/part.bin');
    await sink.write('ab');
    await sink.write(new Uint8Array([99]));
    expect(await storage.list('d')).toEqual([]);
    await sink.commit();
    expect(await storage.readText('d/part.bin')).toBe('abc');
    const dropped = await storage.createWriteStream('d/dropped.bin');
    await dropped.write('zz');
    await dropped.abort();
    expect(await readdir(join(root, 'd'))).toEqual(['part.bin']);
  });

  it('reads by range through openSource', async () => {
    const root = await tempDir();
    await writeFile(join(root, 'f.txt'), '0123456789');
    const source = createFileStorage(root).openSource('f.txt');
    expect(await source.size()).toBe(10);
    expect(Buffer.from(await source.readRange(3, 6)).toString()).toBe('345');
  });

  it('reads the same above and below the synchronous-read limit', async () => {
    const root = await tempDir();
    const text = 'héllo, wörld\n'.repeat(50);
    await writeFile(join(root, 'f.txt'), text);
    const digest = createHash('sha256').update(text).digest('hex');
    for (const syncReadLimit of [0, 16, 1 << 20]) {
      const storage = createFileStorage(root, { syncReadLimit });
      expect(await storage.readText('f.txt'), String(syncReadLimit)).toBe(text);
      expect(await storage.sha256('f.txt')).toBe(digest);
      const bytes = await storage.openSource('f.txt').readRange(2, 2000);
      expect(Buffer.from(bytes).equals(Buffer.from(text).subarray(2)), String(syncReadLimit)).toBe(
        true,
      );
      await expect(storage.readText('missing.txt')).rejects.toMatchObject({ code: 'ENOENT' });
      await expect(storage.openSource('missing.txt').readRange(0, 4)).rejects.toMatchObject({
        code: 'ENOENT',
      });
    }
  });

  it('rejects paths that leave the root, are absolute or hold NUL, before touching disk', async () => {
    const parent = await tempDir();
    const root = join(parent, 'root');
    await mkdir(root);
    const storage = createFileStorage(root);
    for (const bad of [
      '../escape.txt',
      'a/../../escape.txt',
      '/etc/passwd',
      'a\0b',
      'a\\..\\b',
      'C:/x',
      '',
      '.',
    ]) {
      await expect(storage.writeAtomic(bad, 'x'), JSON.stringify(bad)).rejects.toThrow(
        /storage path/,
      );
      await expect(storage.readText(bad)).rejects.toThrow(/storage path/);
    }
    await expect(storage.list('../')).rejects.toThrow(/leaves the storage root/);
    expect(await readdir(parent)).toEqual(['root']);
    expect(await readdir(root)).toEqual([]);
  });
});

describe('openStorage', () => {
  it('opens local paths, file:// and s3:// URIs, and refuses other schemes', async () => {
    const root = await tempDir();
    const plain = openStorage(root);
    expect(plain.ok && plain.storage.scheme).toBe('file');
    const url = openStorage(pathToFileURL(root).href);
    if (!url.ok) throw new Error(url.message);
    await url.storage.writeAtomic('x.txt', 'y');
    expect(await readFile(join(root, 'x.txt'), 'utf8')).toBe('y');
    const s3 = openStorage('s3://bucket/prefix');
    expect(s3.ok && { root: s3.storage.root, scheme: s3.storage.scheme }).toEqual({
      root: 's3://bucket/prefix',
      scheme: 's3',
    });
    expect(openStorage('s3://B_ad/prefix')).toMatchObject({
      ok: false,
      message: expect.stringContaining('valid S3 bucket') as string,
    });
    // An unregistered scheme is refused by name, listing the ones that are registered.
    const ftp = openStorage('ftp://host/prefix');
    expect(ftp).toMatchObject({
      ok: false,
      message: expect.stringMatching(
        /^storage `ftp:\/\/` is not supported \(`ftp:\/\/host\/prefix`\); use a local path or one of file:\/\/, s3:\/\//,
      ) as string,
    });
    expect(localPathOf('gs://b/x')).toBeUndefined();
    expect(localPathOf('data/in.csv')).toBe('data/in.csv');
  });
});
