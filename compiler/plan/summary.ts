import { formatBytes, formatSeconds } from '../ast/units.js';
import { findTarget } from '../targets/catalog.js';
import type {
  Plan,
  PlanMethod,
  PlanParamValue,
  PlanResources,
  PlanRetry,
  PlanTarget,
} from './types.js';

const SHOWN_COMBOS = 6;

/** The readable summary `augc plan` prints: plain text, no colour, deterministic. */
export function renderPlanSummary(plan: Plan): string {
  const lines: string[] = [];
  lines.push(...headerLines(plan), '');
  lines.push(...methodLines(plan.methods), '');
  lines.push(...comboLines(plan), '');
  lines.push(...groupLines(plan), '');
  lines.push(`retry      ${retryText(plan.retry)}`);
  lines.push(...targetLines(plan));
  lines.push(...outputLines(plan));
  const warnings = warningsOf(plan);
  if (warnings.length > 0) lines.push('', 'warnings', ...warnings.map((w) => `  - ${w}`));
  return `${lines.join('\n')}\n`;
}

function headerLines(plan: Plan): string[] {
  const { input, output } = plan;
  const context = [
    plan.sourceFile,
    ...(plan.profile !== undefined ? [`profile ${plan.profile}`] : []),
    ...(plan.target !== undefined ? [`target ${plan.target}`] : []),
  ];
  const rows = input.rows !== undefined ? `, ${int(input.rows)} rows` : '';
  const roles = [
    ...(input.text.length > 0 ? [`text: ${input.text.join(', ')}`] : []),
    ...(input.features !== undefined && input.features.length > 0
      ? [`features: ${input.features.join(', ')}`]
      : []),
    ...(input.id !== undefined ? [`id: ${input.id}`] : []),
    ...(input.label !== undefined ? [`label: ${input.label}`] : []),
    ...(input.keep.length > 0 ? [`keep: ${input.keep.join(', ')}`] : []),
    ...(input.protect.length > 0 ? [`protect: ${input.protect.join(', ')}`] : []),
  ];
  return [
    `pipeline   ${plan.pipeline}  (${context.join(', ')})`,
    `plan       ${plan.planHash.slice(0, 12)}  format ${plan.formatVersion}, augc ${plan.compilerVersion}`,
    `input      ${input.uri}  (${input.format}${rows})  ${roles.join('; ')}`,
    `output     ${output.uri}  (${output.format})`,
    `seed       ${plan.seed}   variants ${plan.variants}   quality ${plan.quality.measure} in [${plan.quality.min}, ${plan.quality.max}]`,
  ];
}

function methodLines(methods: readonly PlanMethod[]): string[] {
  const width = Math.max(0, ...methods.map((m) => m.id.length));
  const lines = [`methods (${methods.length})`];
  for (const m of methods) {
    const what =
      m.kind === 'stdlib'
        ? `${m.method ?? '?'}(${paramsText(m.params)})`
        : `command ${(m.argv ?? []).join(' ')}${m.io === 'stdio' ? '  (stdin -> stdout)' : ''}${imageText(m)}`;
    const flags = [...(m.gpu ? ['gpu'] : []), ...(m.labelSafe ? [] : ['may change labels'])];
    lines.push(
      `  ${m.id.padEnd(width)}  ${what}${flags.length > 0 ? `  [${flags.join(', ')}]` : ''}`,
    );
  }
  return lines;
}

/** The container call that wraps the program, as the worker makes it (binds left out). */
function imageText(m: PlanMethod): string {
  if (m.image === undefined) return '';
  if (m.container === undefined) return `  image ${m.image} (not run in a container)`;
  const gpu = m.gpu
    ? m.container === 'docker' || m.container === 'podman'
      ? ' --gpus all'
      : ' --nv'
    : '';
  const verb = m.container === 'docker' || m.container === 'podman' ? 'run --rm -i' : 'exec';
  return `  via ${m.container} ${verb}${gpu} ${m.image}`;
}

function paramsText(params: Record<string, PlanParamValue>): string {
  return Object.keys(params)
    .sort()
    .map((k) => `${k} = ${JSON.stringify(params[k])}`)
    .join(', ');
}

function comboLines(plan: Plan): string[] {
  const bySize = new Map<number, number>();
  for (const c of plan.combos) bySize.set(c.k, (bySize.get(c.k) ?? 0) + 1);
  const sizes = [...bySize.entries()].sort((a, b) => a[0] - b[0]).map(([k, n]) => `k=${k}: ${n}`);
  const shown = plan.combos.slice(0, SHOWN_COMBOS).map((c) => c.id);
  const more = plan.combos.length - shown.length;
  const chunks = plan.chunks;
  const perChunk =
    chunks.rowsPerChunk !== undefined ? `, ${count(chunks.rowsPerChunk, 'row')} each` : '';
  return [
    `combos     ${int(plan.combos.length)}  (${sizes.join(', ')})`,
    `  ${shown.join(', ')}${more > 0 ? `, ... (+${int(more)} more)` : ''}`,
    `chunks     ${int(chunks.count)}  (by ${chunks.mode}${perChunk})`,
  ];
}

function groupLines(plan: Plan): string[] {
  const lines = [`groups (${plan.groups.length})`];
  const classOffset = new Map<string, number>();
  for (const g of plan.groups) {
    const offset = classOffset.get(g.resourceClass) ?? 0;
    classOffset.set(g.resourceClass, offset + g.size);
    lines.push(
      `  ${g.id}  ${resourcesText(g.resources)}  array [0, ${g.size - 1}]  class tasks [${offset}, ${offset + g.size - 1}]  ${count(g.classCombos.length, 'combo')}`,
    );
  }
  lines.push(`total      ${int(plan.taskCount)} tasks`);
  return lines;
}

function resourcesText(r: PlanResources): string {
  const parts = [`cpus ${r.cpus}`, `memory ${bytes(r.memoryBytes)}`];
  if (r.gpus > 0) parts.push(`gpus ${r.gpus}${r.gpuType !== undefined ? ` (${r.gpuType})` : ''}`);
  parts.push(`walltime ${duration(r.walltimeSeconds)}`);
  if (r.queue !== undefined) parts.push(`queue ${r.queue}`);
  if (r.account !== undefined) parts.push(`account ${r.account}`);
  return parts.join(', ');
}

function retryText(retry: PlanRetry): string {
  if (retry.attempts <= 1) return 'none (1 attempt)';
  const b = retry.backoff;
  const backoff =
    b.kind === 'fixed'
      ? `fixed ${duration(b.delaySeconds)}`
      : `exponential ${duration(b.baseSeconds)} x${b.factor} up to ${duration(b.maxSeconds)}`;
  const on = retry.on.map((c) =>
    c.kind === 'exit' ? `exit(${c.code})` : c.kind === 'signal' ? `signal(${c.signal})` : c.kind,
  );
  const escalate = retry.escalate.map((e) => `${e.resource} x${e.factor}`);
  return `${retry.attempts} attempts, ${backoff}, on ${on.join(', ')}${escalate.length > 0 ? `; escalate ${escalate.join(', ')}` : ''}`;
}

/** Each target's options as the run will use them, and where each value came from. */
function targetLines(plan: Plan): string[] {
  if (plan.targets.length === 0) return [];
  const lines = ['targets'];
  for (const t of plan.targets) {
    const chosen = t.name === plan.target ? '  (chosen with --target)' : '';
    const names = Object.keys(t.options).sort();
    lines.push(`  ${t.name}${names.length === 0 ? '  (no options)' : ''}${chosen}`);
    for (const name of names) {
      const origin = t.origins?.[name];
      lines.push(
        `    ${name} = ${optionText(t, name)}${origin !== undefined ? ` (${origin})` : ''}`,
      );
    }
  }
  return lines;
}

/** A `bytes` or `duration` option (stored in bytes or seconds) with its unit, as it was written. */
function optionText(target: PlanTarget, name: string): string {
  const value = target.options[name];
  const type = findTarget(target.name)?.options.find((o) => o.name === name)?.type;
  if (typeof value === 'number' && type === 'bytes') return formatBytes(value);
  if (typeof value === 'number' && type === 'duration') return formatSeconds(value);
  return JSON.stringify(value);
}

function outputLines(plan: Plan): string[] {
  const base = plan.output.uri.replace(/\/+$/, '');
  const ext = plan.output.format;
  return [
    'expected outputs',
    `  ${base}/${plan.layout.part.replace('{ext}', ext)}  (${int(plan.taskCount)} parts)`,
    `  ${base}/${plan.layout.context}  (${int(plan.taskCount)} context records)`,
    `  ${base}/${plan.layout.manifestRow}  (${int(plan.taskCount)} manifest rows)`,
    `  ${base}/${plan.layout.meta}  (${int(plan.combos.length)} combo metadata files)`,
    `  ${base}/${plan.layout.manifest}  (written by the merge step)`,
  ];
}

function warningsOf(plan: Plan): string[] {
  const perClass = new Map<string, { groups: number; tasks: number; largest: number }>();
  for (const g of plan.groups) {
    const c = perClass.get(g.resourceClass) ?? { groups: 0, tasks: 0, largest: 0 };
    perClass.set(g.resourceClass, {
      groups: c.groups + 1,
      tasks: c.tasks + g.size,
      largest: Math.max(c.largest, g.size),
    });
  }
  const warnings = [...perClass.entries()]
    .filter(([, c]) => c.groups > 1)
    .map(
      ([id, c]) =>
        `resource class \`${id}\` (${int(c.tasks)} tasks) is split into ${c.groups} array groups of at most ${int(c.largest)} tasks`,
    );
  if (plan.methods.some((m) => !m.labelSafe) && plan.input.label !== undefined) {
    warnings.push('some methods may change labels (see `may change labels` above)');
  }
  return warnings;
}

/** `1 row`, `2 rows`, `1,000 rows`. */
function count(n: number, noun: string): string {
  return `${int(n)} ${noun}${n === 1 ? '' : 's'}`;
}

function int(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function bytes(n: number): string {
  for (const [size, unit] of [
    [1024 ** 4, 'TiB'],
    [1024 ** 3, 'GiB'],
    [1024 ** 2, 'MiB'],
    [1024, 'KiB'],
  ] as const) {
    if (n >= size) return `${Number((n / size).toFixed(2))} ${unit}`;
  }
  return `${n} B`;
}

function duration(s: number): string {
  if (s >= 86_400 && s % 86_400 === 0) return `${s / 86_400}d`;
  if (s >= 3600 && s % 3600 === 0) return `${s / 3600}h`;
  if (s >= 60 && s % 60 === 0) return `${s / 60}m`;
  return `${s}s`;
}
