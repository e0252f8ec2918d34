/**
 * The run report as one self-contained HTML file: styles inline, charts inline SVG, no script and
 * no request of any kind (the Content-Security-Policy forbids them), so it opens the same from
 * disk, from an object store's download, or behind a proxy. Every table reads without JavaScript.
 */
import { esc, int, num, percent, seconds, table, type Cell } from './html.js';
import type { ReportModel } from './report-model.js';
import { REPORT_CSS } from './report-style.js';
import { renderCombos, renderMethods } from './render-outcomes.js';
import { renderFailures } from './render-failures.js';
import { renderSamples } from './render-samples.js';
import { renderResources, renderTimeline } from './render-timeline.js';
import type { ComboSamples } from './samples.js';

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
const STATES = ['complete', 'failed', 'interrupted', 'missing', 'stale', 'corrupt'] as const;

const hours = (h: number): string => (h === 0 ? '0' : String(Number(h.toPrecision(3))));

function elapsed(start?: string, end?: string): string {
  if (start === undefined || end === undefined) return '-';
  return seconds((Date.parse(end) - Date.parse(start)) / 1000);
}

function summaryHtml(model: ReportModel): string {
  const s = model.summary;
  const t = s.total;
  const dropped = Object.values(t.dropped).reduce((a, b) => a + b, 0);
  const facts: Cell[][] = [
    ['pipeline', s.pipeline],
    [
      'plan hash',
      { html: `<code title="${esc(s.planHash)}">${esc(s.planHash.slice(0, 12))}</code>` },
    ],
    [
      'augc version',
      s.augcVersion === s.reportVersion
        ? s.augcVersion
        : `${s.augcVersion} (report by ${s.reportVersion})`,
    ],
    ['target', s.target],
    ...(s.command !== undefined
      ? [['command', { html: `<code>${esc(s.command)}</code>` }] as Cell[]]
      : []),
    ['start', s.start ?? '-'],
    ['end', s.end ?? '-'],
    ['elapsed', elapsed(s.start, s.end)],
    [
      'task time',
      `${seconds(s.spent.seconds)} in ${int(s.spent.attempts)} attempt(s) (CPU ${seconds(s.spent.cpuSeconds)}): ${hours(s.spent.coreHours)} core-hours, ${hours(s.spent.gpuHours)} GPU-hours (requested CPUs and GPUs x attempt time)`,
    ],
    ['tasks', int(s.tasks)],
    ['rows in / out', `${int(t.rowsIn)} / ${int(t.rowsOut)}`],
    [
      'variants',
      `${s.variants} per row: ${int(t.generated)} generated, ${int(t.kept)} kept (${percent(t.kept, t.generated)}), ${int(dropped)} dropped`,
    ],
    ['quality', `${s.quality.measure} in [${s.quality.min}, ${s.quality.max}]`],
  ];
  const states = STATES.filter((st) => (s.states[st] ?? 0) > 0).map((st) => [
    { html: `<span class="state-${st}">${st}</span>` },
    s.states[st] ?? 0,
    num(percent(s.states[st] ?? 0, s.tasks)),
  ]);
  const failures = s.failures.map((f) => [
    { html: `<code>${esc(f.errorClass)}</code>` },
    f.attempts,
    f.retried,
  ]);
  return [
    '<h2 id="summary">Summary</h2>',
    table('summary-table', ['', ''], facts),
    table('states-table', ['task state', num('tasks'), num('share')], states, 'Tasks by state'),
    failures.length > 0
      ? table(
          'retries-table',
          ['failure class', num('failed attempts'), num('retried')],
          failures,
          'Failed attempts by failure class',
        )
      : '<p id="no-retries" class="muted">No attempt failed, so nothing was retried.</p>',
  ].join('\n');
}

export function renderReport(model: ReportModel, samples: readonly ComboSamples[]): string {
  const title = `augc run report: ${model.summary.pipeline}`;
  const nav = ['summary', 'combos', 'methods', 'samples', 'timeline', 'resources', 'failures']
    .map((id) => `<a href="#${id}">${id[0]?.toUpperCase()}${id.slice(1)}</a>`)
    .join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="augc ${esc(model.summary.reportVersion)}">
<title>${esc(title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<h1>${esc(title)}</h1>
<nav>${nav}</nav>
${summaryHtml(model)}
${renderCombos(model)}
${renderMethods(model)}
${renderSamples(samples, model.combos.length)}
${renderTimeline(model)}
${renderResources(model)}
${renderFailures(model)}
</body>
</html>
`;
}
