/** The report's "Combos" and "Methods" sections: counts, outcome bars and similarity histograms. */
import {
  outcomeBars,
  outcomeLegend,
  similarityHistogram,
  type OutcomeRow,
} from './chart-outcomes.js';
import { esc, int, num, percent, table, type Cell } from './html.js';
import type { ReportModel, Tally } from './report-model.js';

const REASONS = ['unchanged', 'duplicate', 'below_min', 'above_max'];

function rate(t: Tally): string {
  return t.seconds > 0 ? int(t.rowsIn / t.seconds) : '-';
}

function tallyCells(t: Tally): Cell[] {
  return [
    num(`${int(t.complete)} / ${int(t.tasks)}`),
    t.rowsIn,
    t.generated,
    t.kept,
    num(percent(t.kept, t.generated)),
    ...REASONS.map((r) => t.dropped[r] ?? 0),
    num(rate(t)),
  ];
}

const TALLY_HEAD: Cell[] = [
  num('tasks'),
  num('rows in'),
  num('generated'),
  num('kept'),
  num('kept %'),
  ...REASONS.map((r) => num(r)),
  num('rows/s'),
];

function outcomeRow(label: string, t: Tally): OutcomeRow {
  return { label, generated: t.generated, kept: t.kept, dropped: t.dropped };
}

function histograms(
  prefix: string,
  items: readonly { label: string; tally: Tally }[],
  band: { min: number; max: number },
): string {
  const figures = items.flatMap(({ label, tally }, i) => {
    if (!tally.histogram) return [];
    const id = `${prefix}-hist-${i}`;
    const chart = similarityHistogram(id, tally.histogram, band, `similarity of ${label}`);
    return [`<figure>${chart}<figcaption>${esc(label)}</figcaption></figure>`];
  });
  if (figures.length === 0)
    return '<p class="muted">No similarity histogram: the records hold none (tabular combos, or records written before augc kept one).</p>';
  return `<div class="hists">${figures.join('\n')}</div>`;
}

export function renderCombos(model: ReportModel): string {
  const { quality } = model.summary;
  const rows = model.combos.map(({ combo, tally }) => [
    { html: `<code>${esc(combo.id)}</code>` },
    combo.methods.join(' + '),
    ...tallyCells(tally),
  ]);
  const bars = model.combos.map(({ combo, tally }) => outcomeRow(combo.id, tally));
  return [
    '<h2 id="combos">Combos</h2>',
    `<p class="muted">Variants kept and dropped by the quality filter (${esc(quality.measure)} in [${quality.min}, ${quality.max}]); rows/s is input rows per second of task time.</p>`,
    table('combos-table', ['combo', 'methods', ...TALLY_HEAD], rows),
    outcomeLegend(),
    outcomeBars('combos-bars', bars, 'kept and dropped variants per combo'),
    '<h3>Similarity against the quality band</h3>',
    histograms(
      'combo',
      model.combos.map((c) => ({ label: c.combo.id, tally: c.tally })),
      quality,
    ),
  ].join('\n');
}

export function renderMethods(model: ReportModel): string {
  const { quality } = model.summary;
  const rows = model.methods.map((m) => [
    { html: `<code>${esc(m.id)}</code>` },
    m.what,
    m.combos,
    ...tallyCells(m.tally),
  ]);
  const bars = model.methods.map((m) => outcomeRow(m.id, m.tally));
  return [
    '<h2 id="methods">Methods</h2>',
    '<p class="muted">Each method over the combos that use it: a task of a two-method combo counts for both methods.</p>',
    table('methods-table', ['method', 'what', num('combos'), ...TALLY_HEAD], rows),
    outcomeBars('methods-bars', bars, 'kept and dropped variants per method'),
    histograms(
      'method',
      model.methods.map((m) => ({ label: m.id, tally: m.tally })),
      quality,
    ),
  ].join('\n');
}
