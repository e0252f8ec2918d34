/** Builds a run's report from its records: read, summarize, sample, render. */
import type { Plan, PlanResources } from '../../compiler/plan/types.js';
import type { Storage } from '../storage/storage.js';
import type { RunFacts } from './report-model.js';
import { renderReport } from './render-report.js';
import { readRunRecords, type ResultFailures } from './run-records.js';
import { readSamples } from './samples.js';
import { summarizeRun } from './summarize.js';

export interface BuildReportOptions {
  plan: Plan;
  storage: Storage;
  facts: RunFacts;
  requested: (group: string, attempt: number) => PlanResources;
  /** The augc writing the report. */
  version: string;
  /** A batch result the finalizer has not written yet, for its failures' log tails. */
  result?: ResultFailures;
}

/** The report's HTML. */
export async function buildReport(opts: BuildReportOptions): Promise<string> {
  const records = await readRunRecords(opts.plan, opts.storage, opts.result);
  const model = summarizeRun({
    plan: opts.plan,
    records,
    facts: opts.facts,
    requested: opts.requested,
    reportVersion: opts.version,
  });
  const samples = await readSamples(opts.plan, opts.storage, records.tasks);
  return renderReport(model, samples);
}
