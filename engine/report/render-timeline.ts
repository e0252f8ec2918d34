/** The report's "Timeline" and "Resources" sections. */
import { gantt, MAX_BARS, usageStrips, type StripPoint } from './chart-timeline.js';
import { bytes, decimal, esc, int, num, percent, seconds, table, type Cell } from './html.js';
import type { AttemptBar, ReportModel, UsageRow } from './report-model.js';

/** Attempt rows listed in the table under the chart. */
const LISTED = 1000;

function legend(): string {
  const keys = ['ok', 'failed', 'interrupted'].map(
    (o) =>
      `<span class="key"><span class="swatch g-${o}"></span>${o === 'ok' ? 'complete' : o}</span>`,
  );
  return `<p class="legend">${keys.join(' ')}</p>`;
}

function attemptRows(bars: readonly AttemptBar[]): Cell[][] {
  const t0 = Math.min(...bars.map((b) => b.startMs));
  return bars.slice(0, LISTED).map((b) => [
    { html: `<code>${esc(b.task)}</code>` },
    b.attempt,
    b.lane,
    num(seconds((b.startMs - t0) / 1000)),
    num(seconds((b.endMs - b.startMs) / 1000)),
    {
      html:
        b.outcome === 'ok'
          ? 'complete'
          : `<span class="state-failed">${esc(b.outcome)} (${esc(b.errorClass ?? '?')})</span>`,
    },
  ]);
}

export function renderTimeline(model: ReportModel): string {
  const { bars, lanesBy } = model.timeline;
  if (bars.length === 0)
    return '<h2 id="timeline">Timeline</h2>\n<p class="muted">No task attempt is on record yet.</p>';
  const cut =
    bars.length > MAX_BARS
      ? `<p class="muted">The first ${int(MAX_BARS)} of ${int(bars.length)} attempts are drawn.</p>`
      : '';
  const listed = bars.length > LISTED ? ` (the first ${int(LISTED)})` : '';
  return [
    '<h2 id="timeline">Timeline</h2>',
    `<p class="muted">One bar per task attempt, one lane per ${lanesBy === 'worker' ? 'worker' : 'array task (group[index])'}.</p>`,
    legend(),
    gantt('timeline-chart', bars, 'task attempts over time'),
    cut,
    `<details><summary>Every attempt${listed}</summary>`,
    table(
      'attempts-table',
      [
        'task',
        num('attempt'),
        lanesBy === 'worker' ? 'worker' : 'lane',
        num('start'),
        num('duration'),
        'outcome',
      ],
      attemptRows(bars),
    ),
    '</details>',
  ].join('\n');
}

interface GroupUsage {
  group: string;
  rows: UsageRow[];
}

function groupsOf(usage: readonly UsageRow[]): GroupUsage[] {
  const by = new Map<string, UsageRow[]>();
  for (const u of usage) by.set(u.group, [...(by.get(u.group) ?? []), u]);
  return [...by].map(([group, rows]) => ({ group, rows }));
}

function stat(values: number[], show: (v: number) => string): string {
  if (values.length === 0) return '-';
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return `${show(mean)} / ${show(Math.max(...values))}`;
}

const coresOf = (u: UsageRow): number | undefined =>
  u.cpuSeconds !== undefined && u.wallSeconds > 0 ? u.cpuSeconds / u.wallSeconds : undefined;

function groupRow(g: GroupUsage): Cell[] {
  const req = g.rows[0]?.requested;
  const cores = g.rows.flatMap((u) => (coresOf(u) !== undefined ? [coresOf(u) as number] : []));
  const rss = g.rows.flatMap((u) => (u.peakRssBytes !== undefined ? [u.peakRssBytes] : []));
  const wall = g.rows.map((u) => u.wallSeconds);
  const maxRss = rss.length > 0 ? Math.max(...rss) : undefined;
  return [
    { html: `<code>${esc(g.group)}</code>` },
    g.rows.length,
    num(req ? `${req.cpus} / ${bytes(req.memoryBytes)} / ${seconds(req.walltimeSeconds)}` : '-'),
    num(stat(wall, seconds)),
    num(stat(cores, (v) => decimal(v, 2))),
    num(stat(rss, bytes)),
    num(req && maxRss !== undefined ? percent(maxRss, req.memoryBytes) : '-'),
    num(req ? percent(Math.max(...wall), req.walltimeSeconds) : '-'),
  ];
}

function strips(g: GroupUsage): string {
  const req = g.rows[0]?.requested;
  if (!req) return '';
  const point = (u: UsageRow, value: number, shown: string): StripPoint => ({
    value,
    tip: `${u.task} (attempt ${u.attempt}): ${shown}`,
  });
  const withCores = g.rows.filter((u) => coresOf(u) !== undefined);
  const withRss = g.rows.filter((u) => u.peakRssBytes !== undefined);
  const list = [
    {
      label: 'duration',
      requested: req.walltimeSeconds,
      unit: seconds,
      points: g.rows.map((u) => point(u, u.wallSeconds, seconds(u.wallSeconds))),
    },
    ...(withCores.length > 0
      ? [
          {
            label: 'CPU cores used',
            requested: req.cpus,
            unit: (v: number) => decimal(v, 2),
            points: withCores.map((u) =>
              point(
                u,
                coresOf(u) ?? 0,
                `${decimal(coresOf(u) ?? 0, 2)} cores (${decimal(u.cpuSeconds ?? 0, 1)} CPU s)`,
              ),
            ),
          },
        ]
      : []),
    ...(withRss.length > 0
      ? [
          {
            label: 'peak RSS',
            requested: req.memoryBytes,
            unit: bytes,
            points: withRss.map((u) => point(u, u.peakRssBytes ?? 0, bytes(u.peakRssBytes ?? 0))),
          },
        ]
      : []),
  ];
  return `<h3>Group <code>${esc(g.group)}</code></h3>\n${usageStrips(`usage-${g.group}`, list, `use against request, group ${g.group}`)}`;
}

export function renderResources(model: ReportModel): string {
  const groups = groupsOf(model.usage);
  if (groups.length === 0)
    return '<h2 id="resources">Resources</h2>\n<p class="muted">No complete task is on record yet.</p>';
  const missing = model.usage.some((u) => u.cpuSeconds === undefined)
    ? '<p class="muted">Some records hold no CPU time or peak RSS (written before augc measured them).</p>'
    : '';
  return [
    '<h2 id="resources">Resources</h2>',
    '<p class="muted">What complete tasks used against what their group requested (mean / max). CPU cores used is CPU time over wall time; peak RSS is the worker process\'s. Dots far left of the red line were over-requested; dots at or past it under-requested.</p>',
    table(
      'usage-table',
      [
        'group',
        num('tasks'),
        num('requested cpus / memory / walltime'),
        num('duration'),
        num('cores used'),
        num('peak RSS'),
        num('max RSS of request'),
        num('max duration of walltime'),
      ],
      groups.map(groupRow),
    ),
    missing,
    ...groups.map(strips),
  ].join('\n');
}
