/**
 * Child processes reach the test server with nothing but `server.env` (what a worker or a second
 * `augc run` gets), run the built code, and print no SDK warning on stderr. Two of them contend
 * for the run lock of one s3:// output: the second refuses, naming the first.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openStorage } from '../../../engine/storage/open-storage.js';
import { startS3Server, type S3TestServer } from './s3-server.js';

let server: S3TestServer;

beforeAll(async () => {
  server = await startS3Server();
  for (const [name, value] of Object.entries(server.env)) vi.stubEnv(name, value);
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await server.stop();
});

interface Child {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs an ES module script in a child with only the server's env (plus PATH). `onOutput` sees
 * the first stdout bytes; stdin is closed when `stdin` settles (at once without it).
 */
function runChild(
  script: string,
  args: string[],
  stdin?: Promise<void>,
  onOutput?: () => void,
): Promise<Child> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script, ...args], {
      env: { PATH: process.env['PATH'] ?? '', ...server.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      onOutput?.();
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    if (stdin) void stdin.then(() => child.stdin.end());
    else child.stdin.end();
  });
}

const WRITE = `
const { openStorage } = await import(process.cwd() + '/dist/engine/storage/open-storage.js');
const opened = openStorage(process.argv[1]);
await opened.storage.writeAtomic('from-child.txt', 'written by ' + process.pid);
console.log(await opened.storage.readText('from-child.txt'));
`;

/** Takes the lock, says so, holds it until stdin closes, then releases it. */
const HOLD = `
const { openStorage } = await import(process.cwd() + '/dist/engine/storage/open-storage.js');
const { acquireRunLock } = await import(process.cwd() + '/dist/runtimes/run-lock.js');
const opened = openStorage(process.argv[1]);
const lock = await acquireRunLock(opened.storage, 'augc run ' + process.argv[2], { settleMs: 50 });
console.log(JSON.stringify(lock.ok ? { ok: true, mode: lock.mode } : lock));
if (lock.ok) {
  for await (const _ of process.stdin);
  await lock.release();
}
`;

describe('s3:// from child processes', () => {
  it('writes with only the standard environment, and prints no SDK warning', async () => {
    const uri = `s3://${server.bucket}/child-${randomBytes(4).toString('hex')}`;
    const child = await runChild(WRITE, [uri]);
    expect(child.stderr).toBe('');
    expect(child.code).toBe(0);
    expect(child.stdout).toMatch(/^written by \d+\n$/);
  });

  it('lets one run hold an s3:// output; a second run refuses and names the owner', async () => {
    const uri = `s3://${server.bucket}/lock-${randomBytes(4).toString('hex')}`;
    let letGo = (): void => undefined;
    const holding = new Promise<void>((resolve) => (letGo = resolve));
    let started = (): void => undefined;
    const printed = new Promise<void>((resolve) => (started = resolve));
    const first = runChild(HOLD, [uri, 'first.aug'], holding, started);
    // The first child prints once it holds the lock.
    await printed;
    const second = await runChild(HOLD, [uri, 'second.aug']);
    letGo();
    const done = await first;
    expect(done.stderr).toBe('');
    expect(JSON.parse(done.stdout)).toEqual({ ok: true, mode: 'lease' });
    const refused = JSON.parse(second.stdout) as { ok: boolean; holder: { command: string } };
    expect(refused).toMatchObject({
      ok: false,
      mode: 'lease',
      holder: { command: 'augc run first.aug' },
      path: `${uri}/_augc/lock`,
    });
    const opened = openStorage(uri);
    if (!opened.ok) throw new Error(opened.message);
    expect(await opened.storage.list('')).toEqual([]);
  });
});
