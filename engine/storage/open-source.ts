/**
 * One ByteSource for any URI a plan can name as input: a local path, `file://`, or any scheme in
 * the storage registry (`s3://bucket/key.csv`). A local file is opened directly; a remote one is
 * opened through the Storage of its parent "folder", so it gets that store's streaming, sizes and
 * range reads.
 */
import { openFileSource } from './local-file.js';
import { localPathOf, openStorage } from './open-storage.js';
import type { ByteSource } from './storage.js';

export type OpenSourceResult = { ok: true; source: ByteSource } | { ok: false; message: string };

export function openSourceUri(uri: string): OpenSourceResult {
  const local = localPathOf(uri);
  if (local !== undefined) return { ok: true, source: openFileSource(local, uri) };
  const slash = uri.lastIndexOf('/');
  const name = uri.slice(slash + 1);
  // `s3://bucket` or `s3://bucket/dir/` names no file.
  if (name === '' || uri.slice(0, slash).endsWith(':/')) {
    return { ok: false, message: `\`${uri}\` names a folder or bucket, not a file` };
  }
  const opened = openStorage(uri.slice(0, slash));
  if (!opened.ok) return opened;
  const inner = opened.storage.openSource(name);
  return { ok: true, source: { ...inner, name: uri } };
}
