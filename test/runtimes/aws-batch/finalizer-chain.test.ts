/**
 * More than 20 arrays in a round: the finalizer cannot depend on them all (Batch allows 20
 * dependencies), so intermediate jobs gather them, 20 at a time, level by level.
 */
import { describe, expect, test } from 'vitest';
import type { Plan } from '../../../compiler/plan/types.js';
import type { Storage } from '../../../engine/storage/storage.js';
import { awsBatchBackendSpec } from '../../../runtimes/aws-batch/aws-backend.js';
import { awsTargetOf } from '../../../runtimes/aws-batch/target-options.js';
import { checkRequest } from './fake/shapes.js';

function printingBackend(printed: string[]) {
  const config = {
    target: awsTargetOf({ queue: 'q', image: 'augc-worker:1' }),
    tags: { pipeline: 'p', runId: 'r', planHash: 'h' },
    definitions: {},
    finalizer: { kind: 'named', name: 'augc-def' },
  };
  return awsBatchBackendSpec.open({
    plan: { pipeline: 'p' } as Plan,
    storage: {} as Storage,
    runUri: 's3://b/run',
    planUri: 's3://b/run/_augc/plan.json',
    launch: { program: 'augc', args: [], env: {} },
    config,
    env: {},
    print: (text) => printed.push(text),
  });
}

function inputs(printed: string[]) {
  return printed.map((t) => JSON.parse(t.replace(/^# [^\n]*\n/, '')) as Record<string, unknown>);
}

describe('the finalizer of a round of many arrays', () => {
  test('20 arrays or fewer: the finalizer depends on them directly', async () => {
    const printed: string[] = [];
    const after = Array.from({ length: 20 }, (_, i) => `a${i}`);
    const r = await printingBackend(printed).submitFinalizer?.({ round: 1, after, what: 'f' });
    expect(r?.ok).toBe(true);
    const [fin] = inputs(printed);
    expect(fin?.['dependsOn']).toHaveLength(20);
  });

  test('45 arrays: three gathering jobs, and the finalizer depends on those three', async () => {
    const printed: string[] = [];
    const after = Array.from({ length: 45 }, (_, i) => `a${i}`);
    await printingBackend(printed).submitFinalizer?.({ round: 2, after, what: 'f' });
    const all = inputs(printed);
    expect(all).toHaveLength(4);
    for (const i of all) expect(checkRequest('submitjob', i)).toBeUndefined();
    const deps = all.map((i) => (i['dependsOn'] as { jobId: string }[]).map((d) => d.jobId));
    expect(deps.slice(0, 3).map((d) => d.length)).toEqual([20, 20, 5]);
    expect(deps.slice(0, 3).flat()).toEqual(after);
    expect(deps[3]).toEqual(['<job-1>', '<job-2>', '<job-3>']);
    expect(all[3]?.['jobName']).toBe('augc-p-finalize-r2');
    expect((all[0]?.['containerOverrides'] as { command: string[] }).command).toEqual([
      'augc',
      '--version',
    ]);
  });

  test('401 arrays: two levels of gathering', async () => {
    const printed: string[] = [];
    const after = Array.from({ length: 401 }, (_, i) => `a${i}`);
    await printingBackend(printed).submitFinalizer?.({ round: 1, after, what: 'f' });
    const all = inputs(printed);
    // 21 gathering jobs for the arrays, 2 for those, then the finalizer.
    expect(all).toHaveLength(24);
    for (const i of all) expect((i['dependsOn'] as unknown[]).length).toBeLessThanOrEqual(20);
  });
});
