/**
 * The batch backend for shell schedulers (Slurm, PBS, ...): job scripts on a shared filesystem,
 * scheduler commands through argv (never a shell), and a dialect that spells them. The scripts,
 * the scheduler's logs and each task's exit status live in the grid's work folder: the run's own
 * folder when the output is a local path, else the target's `workdir` option (or `.augc-work/`
 * under the submitting directory) — while the run's data goes to its storage, wherever that is.
 */
import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { FINALIZER_RESOURCES } from '../../compiler/ir/defaults.js';
import type { PlanParamValue } from '../../compiler/plan/types.js';
import {
  GRID_EXIT_DIR,
  GRID_JOBS_DIR,
  gridExitPathOf,
  SCHEDULER_LOGS_DIR,
  taskLogPathOf,
} from '../../engine/run-layout.js';
import { DIR_MODE } from '../../engine/storage/local-file.js';
import { localPathOf } from '../../engine/storage/open-storage.js';
import type {
  ArraySubmission,
  BackendContext,
  BackendSetup,
  BatchBackend,
  BatchBackendSpec,
  FinalizerSubmission,
  JobsQuery,
  Submitted,
} from '../batch/backend.js';
import type { GridDialect, GridTargetOptions } from './dialect.js';
import { isSingleRange } from '../batch/index-spec.js';
import { finalizerScript, taskScript } from './job-script.js';
import { displayArgv, execaExec, SchedulerClient, type Exec } from './scheduler-client.js';
import { jobNameOf } from './shell-quote.js';
import { gridTargetOf } from './target-options.js';

export interface GridRuntimeSpec {
  name: string;
  /** Every dialect this runtime speaks, by name. */
  dialects: Readonly<Record<string, GridDialect>>;
  /** The dialect for these options (PBS: by option, or by asking `qstat`). */
  detectDialect(
    options: Readonly<Record<string, PlanParamValue>>,
    client: SchedulerClient,
  ): Promise<string>;
  /** Most indices one array may span (Slurm: MaxArraySize); undefined when unknown. */
  maxArraySize?(client: SchedulerClient): Promise<number | undefined>;
}

/** What the submission records for later processes (`_augc/batch/state.json`). */
interface GridConfig {
  dialect: string;
  target: GridTargetOptions;
  /** Absolute path of the work folder on the shared filesystem. */
  workdir: string;
}

const DEFAULT_WINDOW = 1_000_000_000;

function workdirOf(setup: BackendSetup, options: Readonly<Record<string, PlanParamValue>>): string {
  const local = localPathOf(setup.runUri);
  if (local !== undefined) return resolve(local);
  const given = options['workdir'];
  if (typeof given === 'string' && given !== '') return resolve(given);
  return resolve('.augc-work', `${setup.plan.pipeline}-${setup.plan.planHash.slice(0, 12)}`);
}

/** A dialect whose arrays are one range (PBS Pro `-J`) filters list indices in the script. */
function needsFilter(dialect: GridDialect, indices: string): boolean {
  return !dialect.indexLists && !(isSingleRange(indices) && indices.includes('-'));
}

class GridBackend implements BatchBackend {
  constructor(
    private readonly runtime: string,
    private readonly ctx: BackendContext,
    private readonly config: GridConfig,
    private readonly dialect: GridDialect,
    private readonly client: SchedulerClient,
  ) {}

  get calls(): number {
    return this.client.calls;
  }

  private abs(path: string): string {
    return join(this.config.workdir, path);
  }

  private header(what: string): string {
    const text = `augc ${this.runtime} job for pipeline ${JSON.stringify(this.ctx.plan.pipeline)}: ${what}`;
    return text.replace(/[\r\n]/g, ' ');
  }

  private async writeScript(path: string, text: string): Promise<string> {
    const abs = this.abs(path);
    if (this.ctx.print) {
      this.ctx.print(`# ---- ${abs}\n${text}`);
      return abs;
    }
    await mkdir(dirname(abs), { recursive: true, mode: DIR_MODE });
    await writeFile(abs, text, { mode: 0o755 });
    await chmod(abs, 0o755);
    return abs;
  }

  private async send(argv: string[], script: string, n: number): Promise<Submitted> {
    if (this.ctx.print) {
      this.ctx.print(`$ ${displayArgv(argv)}\n\n`);
      return { ok: true, jobId: `<job-${n}>`, request: { script, argv } };
    }
    const r = await this.client.run(argv);
    if (r.missing)
      return { ok: false, unavailable: true, message: `\`${argv[0]}\` was not found on PATH` };
    const jobId = r.exitCode === 0 ? this.dialect.parseJobId(r.stdout) : undefined;
    if (jobId !== undefined) return { ok: true, jobId, request: { script, argv } };
    const why = (r.stderr.trim() || r.stdout.trim() || `exit code ${r.exitCode}`)
      .split('\n')
      .slice(-3)
      .join('; ');
    return { ok: false, message: `\`${displayArgv(argv)}\` failed: ${why}` };
  }

  private sent = 0;

  async submitArray(job: ArraySubmission): Promise<Submitted> {
    if (!this.ctx.print && this.sent === 0)
      await mkdir(this.abs(SCHEDULER_LOGS_DIR), { recursive: true, mode: DIR_MODE });
    const stem = `r${job.round}-${job.groupDir}-${job.offset}`;
    const text = taskScript({
      launch: this.ctx.launch,
      root: this.config.workdir,
      planUri: this.ctx.planUri,
      group: job.group,
      groupDir: job.groupDir,
      offset: job.offset,
      attempt: job.attempt,
      indexExpression: this.dialect.indexExpression,
      jobIdExpression: this.dialect.jobIdExpression,
      ...(needsFilter(this.dialect, job.indices) ? { only: job.indices } : {}),
      header: this.header(job.what),
    });
    const script = await this.writeScript(`${GRID_JOBS_DIR}/${stem}.sh`, text);
    const argv = this.dialect.arraySubmitArgv({
      name: jobNameOf('augc', this.ctx.plan.pipeline, job.group),
      script,
      workdir: this.config.workdir,
      resources: job.resources,
      target: this.config.target,
      schedulerLog: this.abs(`${SCHEDULER_LOGS_DIR}/${stem}${this.dialect.arrayLogSuffix}.out`),
      indices: job.indices,
      ...(job.beginAfterSeconds !== undefined ? { beginAfterSeconds: job.beginAfterSeconds } : {}),
    });
    return this.send(argv, script, ++this.sent);
  }

  async submitFinalizer(job: FinalizerSubmission): Promise<Submitted> {
    const stem = `r${job.round}-finalize`;
    const text = finalizerScript({
      launch: this.ctx.launch,
      root: this.config.workdir,
      runUri: this.ctx.runUri,
      round: job.round,
      header: this.header(job.what),
    });
    const script = await this.writeScript(`${GRID_JOBS_DIR}/${stem}.sh`, text);
    const argv = this.dialect.singleSubmitArgv({
      name: jobNameOf('augc', this.ctx.plan.pipeline, 'finalize'),
      script,
      workdir: this.config.workdir,
      resources: FINALIZER_RESOURCES,
      target: this.config.target,
      schedulerLog: this.abs(`${SCHEDULER_LOGS_DIR}/${stem}.out`),
      afterAny: [...job.after],
    });
    return this.send(argv, script, ++this.sent);
  }

  async query(jobIds: readonly string[]): Promise<JobsQuery> {
    const argv = this.dialect.statusArgv(jobIds);
    const r = await this.client.run(argv);
    if (r.exitCode === 0) return { ok: true, jobs: this.dialect.parseStatus(r.stdout) };
    // The scheduler has forgotten them all (finished long ago): storage records say how they ended.
    if (this.dialect.unknownJobExitCodes.includes(r.exitCode) && !r.missing)
      return { ok: true, jobs: this.dialect.parseStatus(r.stdout) };
    const why = r.missing
      ? `\`${argv[0]}\` is not installed`
      : r.stderr.trim() || `exit code ${r.exitCode}`;
    return { ok: false, message: `cannot query the scheduler: ${why}` };
  }

  async cancel(jobIds: readonly string[]): Promise<void> {
    if (jobIds.length > 0) await this.client.run(this.dialect.cancelArgv(jobIds));
  }

  async exitStatus(groupDir: string, index: number, attempt: number): Promise<number | undefined> {
    try {
      const text = await readFile(this.abs(gridExitPathOf(groupDir, index, attempt)), 'utf8');
      const n = Number(text.trim());
      return Number.isInteger(n) ? n : undefined;
    } catch {
      return undefined;
    }
  }

  taskLog(groupDir: string, index: number) {
    const rel = taskLogPathOf(groupDir, index);
    const local = localPathOf(this.ctx.runUri);
    // In the run's own folder the path is shown relative to it, as every other run file is.
    const inRun = local !== undefined && resolve(local) === this.config.workdir;
    const abs = this.abs(rel);
    return {
      location: inRun ? rel : abs,
      async tail() {
        const text = await readFile(abs, 'utf8');
        return text.trimEnd().split('\n').slice(-20).join('\n');
      },
    };
  }

  async reset(): Promise<void> {
    if (!this.ctx.print) await rm(this.abs(GRID_EXIT_DIR), { recursive: true, force: true });
  }
}

export type GridBackendSpec = BatchBackendSpec & {
  /** Set by tests and benches to count or fake scheduler calls. */
  exec?: Exec;
};

export function gridBackendSpec(spec: GridRuntimeSpec): GridBackendSpec {
  const clientOf = (env: BackendContext['env']): SchedulerClient =>
    new SchedulerClient(backend.exec ?? execaExec(env));
  const backend: GridBackendSpec = {
    name: spec.name,
    async prepare(setup) {
      // The plan fixes the target's options (config and environment were read when it was made).
      const options = setup.options;
      const client = clientOf(setup.env);
      const dialect = await spec.detectDialect(options, client);
      const max = await spec.maxArraySize?.(client);
      const config: GridConfig = {
        dialect,
        target: gridTargetOf(options),
        workdir: workdirOf(setup, options),
      };
      return { config: { ...config }, window: max ?? DEFAULT_WINDOW };
    },
    open(ctx) {
      const config = ctx.config as unknown as GridConfig;
      const dialect = spec.dialects[config.dialect];
      if (!dialect) throw new Error(`${spec.name}: no dialect \`${config.dialect}\``);
      return new GridBackend(spec.name, ctx, config, dialect, clientOf(ctx.env));
    },
    describeConfig: (config) => String(config['dialect']),
  };
  return backend;
}
