/**
 * Two charts of what the quality filter did: stacked bars of kept and dropped variants by reason,
 * one bar per combo or method; and a similarity histogram with the quality band shaded.
 */
import { esc, int, percent } from './html.js';
import { line, rect, svg, text, ticks } from './svg.js';

/** Bar segments in order: kept first, then each drop reason the filter has. */
export const OUTCOMES = ['kept', 'unchanged', 'duplicate', 'below_min', 'above_max'] as const;

export interface OutcomeRow {
  label: string;
  generated: number;
  kept: number;
  dropped: Record<string, number>;
}

const LABEL_W = 220;
const BAR_W = 460;
const ROW_H = 20;

function segments(row: OutcomeRow): { outcome: string; n: number }[] {
  const other = Object.keys(row.dropped).filter((r) => !OUTCOMES.includes(r as never));
  return [
    { outcome: 'kept', n: row.kept },
    ...[...OUTCOMES.slice(1), ...other].map((o) => ({ outcome: o, n: row.dropped[o] ?? 0 })),
  ].filter((s) => s.n > 0);
}

/** One bar per row, as long as its generated variants, split into kept and dropped by reason. */
export function outcomeBars(id: string, rows: readonly OutcomeRow[], title: string): string {
  const max = Math.max(1, ...rows.map((r) => r.generated));
  const body: string[] = [];
  rows.forEach((row, i) => {
    const y = 8 + i * ROW_H;
    body.push(text(LABEL_W - 8, y + 13, row.label, 'label', 'end'));
    let x = LABEL_W;
    for (const s of segments(row)) {
      const w = (BAR_W * s.n) / max;
      const tip = `${row.label}: ${s.outcome} ${int(s.n)} of ${int(row.generated)} (${percent(s.n, row.generated)})`;
      body.push(rect(x, y, w, ROW_H - 6, `o-${s.outcome}`, tip, { outcome: s.outcome }));
      x += w;
    }
    body.push(text(x + 6, y + 13, int(row.generated), 'value'));
  });
  const height = 16 + rows.length * ROW_H;
  return svg(id, { width: LABEL_W + BAR_W + 80, height }, title, body);
}

/** The legend of the outcome colours, as HTML (it reads without the chart). */
export function outcomeLegend(): string {
  const items = OUTCOMES.map(
    (o) => `<span class="key"><span class="swatch o-${o}"></span>${esc(o)}</span>`,
  );
  return `<p class="legend">${items.join(' ')}</p>`;
}

const H_W = 260;
const H_H = 110;
const PAD = { left: 34, right: 8, top: 8, bottom: 22 };

/**
 * A histogram of similarity (bins over [0, 1]) with the quality band [min, max] shaded: bars in
 * the band were kept unless duplicates, bars outside it were dropped.
 */
export function similarityHistogram(
  id: string,
  bins: readonly number[],
  band: { min: number; max: number },
  title: string,
): string {
  const plotW = H_W - PAD.left - PAD.right;
  const plotH = H_H - PAD.top - PAD.bottom;
  const top = Math.max(1, ...bins);
  const x = (v: number): number => PAD.left + v * plotW;
  const y = (n: number): number => PAD.top + plotH - (plotH * n) / top;
  const body = [
    rect(
      x(band.min),
      PAD.top,
      x(band.max) - x(band.min),
      plotH,
      'band',
      `quality band [${band.min}, ${band.max}]`,
    ),
  ];
  const width = 1 / bins.length;
  bins.forEach((n, i) => {
    const lo = i * width;
    const inBand = lo + width > band.min && lo < band.max;
    const tip = `similarity ${lo.toFixed(2)}-${(lo + width).toFixed(2)}: ${int(n)} variant(s)`;
    body.push(
      rect(x(lo) + 0.5, y(n), plotW * width - 1, y(0) - y(n), inBand ? 'h-in' : 'h-out', tip),
    );
  });
  body.push(line(PAD.left, y(0), PAD.left + plotW, y(0), 'axis'));
  for (const v of [0, 0.5, 1]) body.push(text(x(v), H_H - 6, String(v), 'tick', 'middle'));
  for (const t of ticks(top, 3)) {
    if (t > top) continue;
    body.push(text(PAD.left - 4, y(t) + 3, int(t), 'tick', 'end'));
  }
  return svg(id, { width: H_W, height: H_H }, title, body);
}
