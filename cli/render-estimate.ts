/** The text `augc plan --estimate` prints (stdout): method speeds, then groups and the total. */
import type { Estimate, GroupEstimate, Hours } from '../engine/estimate/estimate-plan.js';
import { durationText } from '../engine/estimate/estimate-warnings.js';
import type { SpeedTable } from '../engine/estimate/speed-table.js';

/** Three significant digits, without exponent notation for small figures. */
function fig(n: number): string {
  if (n === 0) return '0';
  return n >= 1000 ? Math.round(n).toLocaleString('en-US') : String(Number(n.toPrecision(3)));
}

function pad(rows: string[][]): string[] {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows.map((r) =>
    r
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
}

function hoursCells(h: Hours | undefined, priced: boolean): string[] {
  if (!h) return ['?', '?', '?', ...(priced ? ['?'] : [])];
  return [
    fig(h.coreHours),
    fig(h.gpuHours),
    fig(h.gibHours),
    ...(priced ? [h.cost !== undefined ? fig(h.cost) : '?'] : []),
  ];
}

function groupRow(g: GroupEstimate, priced: boolean): string[] {
  const duration =
    g.meanSeconds !== undefined && g.maxSeconds !== undefined
      ? `${durationText(g.meanSeconds)} / ${durationText(g.maxSeconds)}`
      : 'unknown';
  return [
    g.group,
    String(g.tasks),
    duration,
    durationText(g.resources.walltimeSeconds),
    ...hoursCells(g.hours, priced),
  ];
}

function methodLines(estimate: Estimate): string[] {
  const rows = [['  method', 'µs per variant-row', 'from']];
  for (const m of estimate.methods) {
    const speed = m.secondsPerVariant !== undefined ? fig(m.secondsPerVariant * 1e6) : '?';
    const from =
      m.source === 'history'
        ? `history (${m.tasks ?? 0} task${m.tasks === 1 ? '' : 's'})`
        : m.source === 'built-in'
          ? 'built-in table'
          : 'unknown';
    rows.push([`  ${m.id} (${m.what})`, speed, from]);
  }
  return pad(rows);
}

function sources(table: SpeedTable, runs: readonly string[]): string {
  const measured = table.measured as { node?: string; cpu?: string };
  const builtin = `built-in table (npm run bench -- method-speeds; ${measured.node ?? '?'}, ${measured.cpu ?? '?'})`;
  return runs.length > 0 ? `${runs.length} earlier run(s), else the ${builtin}` : `the ${builtin}`;
}

export function renderEstimate(
  estimate: Estimate,
  table: SpeedTable,
  runs: readonly string[],
): string {
  const priced = Object.keys(estimate.prices).length > 0;
  const head = [
    '  group',
    'tasks',
    'task duration (mean / max)',
    'walltime',
    'core-hours',
    'GPU-hours',
    'GiB-hours',
    ...(priced ? ['cost'] : []),
  ];
  const total = [
    '  total',
    String(estimate.total.tasks),
    '',
    '',
    ...hoursCells(estimate.total.hours, priced),
  ];
  const prices = Object.entries(estimate.prices).map(([k, v]) => `${k} = ${v}`);
  return [
    `estimate   target ${estimate.target}; method speeds from ${sources(table, runs)}`,
    ...methodLines(estimate),
    '',
    ...pad([
      head,
      ...estimate.groups
        .map((g) => groupRow(g, priced))
        .map((r) => [`  ${r[0] ?? ''}`, ...r.slice(1)]),
      total,
    ]),
    ...(priced
      ? [`  prices: ${prices.join(', ')} (target ${estimate.target})`]
      : [
          `  no prices: target \`${estimate.target}\` declares no price_vcpu_hour, price_gpu_hour or price_gib_hour`,
        ]),
    ...(estimate.total.complete ? [] : ['  the total leaves out the groups marked `?`']),
    ...estimate.notes.map((n) => `  note: ${n}`),
    '',
  ].join('\n');
}
