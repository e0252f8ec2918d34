/** The fake Batch service's state: pools, jobs and tasks as the service would hold them. */
import type { ChildProcess } from 'node:child_process';

export interface FakePool {
  id: string;
  /** Tasks that run at once (one per node: taskSlotsPerNode 1). */
  nodes: number;
  lowPriority?: boolean;
  /** Resource id of the pool's user-assigned managed identity, if it has one. */
  identity?: string;
}

export interface FakeTask {
  id: string;
  spec: Record<string, unknown>;
  state: 'active' | 'running' | 'completed';
  executionInfo: {
    retryCount: number;
    requeueCount: number;
    exitCode?: number;
    result?: 'success' | 'failure';
    failureInfo?: { category: string; code: string; message: string };
  };
  /** Whether its dependents may run (set when it completes). */
  satisfies?: boolean;
  /** Set by a test: the next time it starts, its node is preempted. */
  preemptOnStart?: boolean;
  child?: ChildProcess;
  kill?: (reason: 'preempted' | 'timeout' | 'terminated') => void;
}

export interface FakeJob {
  id: string;
  spec: Record<string, unknown>;
  state: 'active' | 'completed';
  pool: FakePool;
  tasks: Map<string, FakeTask>;
}
