import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface Spawned {
  child: ChildProcess;
  /** Resolves when stderr has matched `pattern` (or rejects when the process ends first). */
  waitForStderr(pattern: RegExp): Promise<void>;
  done: Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
    stdout: string;
    stderr: string;
  }>;
}

/** Starts the built CLI (`node bin/augc.js ...`) as a user would. */
export function spawnAugc(args: string[], env: Record<string, string> = {}): Spawned {
  const child = spawn(process.execPath, ['bin/augc.js', ...args], {
    env: { ...process.env, NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const watchers: { pattern: RegExp; resolve: () => void }[] = [];
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
    for (const w of [...watchers]) {
      if (w.pattern.test(stderr)) {
        watchers.splice(watchers.indexOf(w), 1);
        w.resolve();
      }
    }
  });
  const done = new Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
    stdout: string;
    stderr: string;
  }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return {
    child,
    done,
    waitForStderr: (pattern) =>
      new Promise<void>((resolve, reject) => {
        if (pattern.test(stderr)) return resolve();
        watchers.push({ pattern, resolve });
        void done.then(() => reject(new Error(`process ended before ${pattern}:\n${stderr}`)));
      }),
  };
}

export async function augc(args: string[], env: Record<string, string> = {}) {
  return spawnAugc(args, env).done;
}

/** Every file under `root` (relative paths), skipping folders named in `skip`. */
export function filesUnder(root: string, skip: string[] = []): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!skip.includes(entry.name)) walk(path);
      } else out.push(relative(root, path));
    }
  };
  walk(root);
  return out.sort();
}

/** Paths of augc temp files left anywhere under `root`. */
export function tempFilesUnder(root: string): string[] {
  return filesUnder(root).filter((p) => p.split('/').pop()!.startsWith('.augc-tmp-'));
}

export function mtimes(root: string, files: string[]): number[] {
  return files.map((f) => statSync(join(root, f)).mtimeMs);
}

export function read(root: string, file: string): Buffer {
  return readFileSync(join(root, file));
}
