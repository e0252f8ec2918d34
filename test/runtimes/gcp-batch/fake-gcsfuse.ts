/**
 * The Batch fake's stand-in for gcsfuse: a GCS volume (`bucket/prefix` mounted at a path) shown
 * as files. Before a task runs, the objects under the prefix are written as files under the
 * mount path; after it ends, files it wrote or changed are uploaded, and files it removed that
 * the mount had uploaded are deleted. Objects written through the API meanwhile are never
 * touched. Syncs run one at a time.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import type { ObjectStore } from '../../engine/storage/gcs-objects.js';

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string): Promise<void> => {
    for (const e of await readdir(d, { withFileTypes: true }).catch(() => [])) {
      const p = join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.isFile()) out.push(relative(dir, p));
    }
  };
  await walk(dir);
  return out;
}

export function fakeGcsfuse(store: ObjectStore) {
  const uploaded = new Set<string>();
  let queue = Promise.resolve();
  const serial = (run: () => Promise<void>): Promise<void> => (queue = queue.then(run, run));
  const split = (remotePath: string): { bucket: string; prefix: string } => {
    const [bucket = '', ...rest] = remotePath.split('/');
    const prefix = rest.filter((p) => p !== '').join('/');
    return { bucket, prefix: prefix === '' ? '' : `${prefix}/` };
  };
  return {
    before: (remotePath: string, mountPath: string) =>
      serial(async () => {
        const { bucket, prefix } = split(remotePath);
        for (const name of store.names(bucket, prefix)) {
          const path = join(mountPath, name.slice(prefix.length));
          await mkdir(dirname(path), { recursive: true });
          await writeFile(path, store.get(bucket, name).data);
        }
      }),
    after: (remotePath: string, mountPath: string) =>
      serial(async () => {
        const { bucket, prefix } = split(remotePath);
        const onDisk = new Set(await filesUnder(mountPath));
        for (const rel of onDisk) {
          const name = `${prefix}${rel}`;
          const data = await readFile(join(mountPath, rel));
          const current = store.bucket(bucket).get(name);
          if (current?.data.equals(data)) continue;
          store.put(bucket, name, data, 'application/octet-stream');
          uploaded.add(`${bucket}/${name}`);
        }
        for (const key of [...uploaded]) {
          const name = key.slice(bucket.length + 1);
          if (!key.startsWith(`${bucket}/${prefix}`) || onDisk.has(name.slice(prefix.length)))
            continue;
          store.bucket(bucket).delete(name);
          uploaded.delete(key);
        }
      }),
  };
}
