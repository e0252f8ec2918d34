import { readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * The files an editor has not opened: included fragments, imported YAML catalogues and the
 * folders `include "` and `import "` complete from. An open document's text always wins over
 * the disk (see server.ts), so a check sees unsaved edits.
 */
export function readDiskFile(path: string): string {
  return readFileSync(path, 'utf8');
}

/** A folder's entries, hidden ones left out; an unreadable folder has none. */
export function listFolder(dir: string): { name: string; folder: boolean }[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((e) => !e.name.startsWith('.'))
      .map((e) => ({ name: e.name, folder: e.isDirectory() }))
      .sort((a, b) => a.name.localeCompare(b.name));
  } catch {
    return [];
  }
}

/** The size and modification time of a local file; undefined when it cannot be read. */
export function fileStamp(path: string): string | undefined {
  try {
    const st = statSync(path);
    return st.isFile() ? `${st.size}:${st.mtimeMs}` : undefined;
  } catch {
    return undefined;
  }
}

/** The path of a `file:` URI; undefined for any other scheme (an untitled buffer). */
export function pathOfUri(uri: string): string | undefined {
  return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
}

export function uriOfPath(path: string): string {
  return pathToFileURL(path).href;
}
