/**
 * Storage paths come partly from pipeline values (combo and column names, output prefixes), so a
 * path must never leave its storage root: no `..`, no absolute path, no NUL, no backslash (which
 * is a separator on Windows and an easy way to smuggle `..\`).
 */
export type PathCheck = { ok: true; path: string } | { ok: false; message: string };

export function checkStoragePath(path: string): PathCheck {
  if (path.length === 0) return { ok: false, message: 'empty storage path' };
  if (path.includes('\0')) return { ok: false, message: `storage path contains a NUL byte` };
  if (path.includes('\\'))
    return { ok: false, message: `storage path \`${path}\` contains \`\\\`` };
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) {
    return { ok: false, message: `storage path \`${path}\` is absolute; it must be relative` };
  }
  const parts = path.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.includes('..')) {
    return { ok: false, message: `storage path \`${path}\` leaves the storage root (\`..\`)` };
  }
  if (parts.length === 0) return { ok: false, message: `storage path \`${path}\` names the root` };
  return { ok: true, path: parts.join('/') };
}

/** Like `checkStoragePath` but throws: a bad path here is a bug in the caller, not user data. */
export function normalizeStoragePath(path: string): string {
  const checked = checkStoragePath(path);
  if (!checked.ok) throw new Error(checked.message);
  return checked.path;
}
