/**
 * What stands between two `augc run` of one output: the run's lock (one driver at a time), and,
 * for runtimes whose jobs outlive their driver, a look at whether an earlier run's jobs are still
 * queued or running (submitting the unfinished tasks again would run them twice at once).
 */
import { loadRuntime } from '../registry.js';
import { acquireRunLock, type LockOwner } from '../run-lock.js';
import { readRunInfo } from './run-info.js';
import type { RunEvents } from './run-outcome.js';
import type { RunRequest } from './run-plan.js';

export type Guard = { ok: true; release: () => Promise<void> } | { ok: false };

/** How long ago an ISO time was, for humans (`42s`, `7m`, `3h`, `2d`). */
export function ageOf(iso: string): string {
  const seconds = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 1000));
  if (!Number.isFinite(seconds)) return 'an unknown time';
  if (seconds < 120) return `${seconds}s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)}m`;
  return seconds < 172_800 ? `${Math.round(seconds / 3600)}h` : `${Math.round(seconds / 86_400)}d`;
}

function lockedMessage(holder: LockOwner | undefined, path: string): string {
  if (!holder) return `another augc run is using this output (lock file \`${path}\`)`;
  return `another augc run is using this output: pid ${holder.pid} on ${holder.host}, started ${holder.start} (${ageOf(holder.start)} ago)`;
}

/** True when the run's previous target has jobs out that do not need their driver. */
async function earlierJobsOut(req: RunRequest, events: RunEvents): Promise<boolean> {
  const info = await readRunInfo(req.storage);
  const previous = info ? await loadRuntime(info.target) : undefined;
  if (!previous?.capabilities.detached) return false;
  const ref = { plan: req.plan, storage: req.storage, outputUri: req.runUri, env: req.env };
  const status = await previous.status(ref);
  if (!status.active) return false;
  const uri = req.plan.output.uri;
  events.report({
    code: 'AUG5103',
    severity: 'error',
    message: 'an earlier `augc run` of this output still has jobs queued or running',
    notes: status.notes,
    help: `wait for them (\`augc status ${uri} --follow\`) or stop them (\`augc cancel ${uri}\`), then run again`,
  });
  return true;
}

/** `AUGC_LOCK_TTL_SECONDS`: how long a lease on an object store outlives a driver that died. */
function lockOptionsOf(env: RunRequest['env']): { ttlMs?: number } {
  const seconds = Number(env['AUGC_LOCK_TTL_SECONDS']);
  return Number.isFinite(seconds) && seconds > 0 ? { ttlMs: seconds * 1000 } : {};
}

export async function guardRun(req: RunRequest, events: RunEvents): Promise<Guard> {
  const lock = await acquireRunLock(req.storage, req.command, lockOptionsOf(req.env));
  if (!lock.ok) {
    events.report({
      code: 'AUG5103',
      severity: 'error',
      message: lockedMessage(lock.holder, lock.path),
      help: `wait for it to finish (\`augc status ${req.plan.output.uri}\`), or remove \`${lock.path}\` if that run is gone`,
    });
    return { ok: false };
  }
  if (lock.tookOver) {
    const t = lock.tookOver;
    const message = `took over the lock of an earlier run that is gone (pid ${t.pid} on ${t.host}, started ${t.start})`;
    events.report({ code: 'AUG5104', severity: 'warning', message });
  }
  const release = (): Promise<void> => lock.release();
  if (await earlierJobsOut(req, events)) {
    await release();
    return { ok: false };
  }
  return { ok: true, release };
}
