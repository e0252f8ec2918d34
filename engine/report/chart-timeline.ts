/**
 * The timeline (one bar per task attempt, a lane per worker or per array task, failed attempts
 * marked) and the usage strips (one dot per task against the line of what its group requested).
 */
import { seconds } from './html.js';
import type { AttemptBar } from './report-model.js';
import { circle, line, rect, svg, text, ticks } from './svg.js';

/** Bars beyond this many are left out of the chart (the report says how many). */
export const MAX_BARS = 3000;

const LANE_LABEL = 150;
const PLOT_W = 640;

export function gantt(id: string, bars: readonly AttemptBar[], title: string): string {
  const shown = bars.slice(0, MAX_BARS);
  const lanes = [...new Set(shown.map((b) => b.lane))].sort((a, b) =>
    a.localeCompare(b, 'en', { numeric: true }),
  );
  const laneH = Math.max(3, Math.min(18, Math.floor(640 / Math.max(1, lanes.length))));
  const t0 = Math.min(...shown.map((b) => b.startMs));
  const span = Math.max(1, Math.max(...shown.map((b) => b.endMs)) - t0) / 1000;
  const x = (ms: number): number => LANE_LABEL + (PLOT_W * (ms - t0)) / 1000 / span;
  const top = 6;
  const body: string[] = [];
  const labelled = laneH >= 10;
  lanes.forEach((lane, i) => {
    if (labelled)
      body.push(text(LANE_LABEL - 6, top + i * laneH + laneH - 4, lane, 'label', 'end'));
  });
  const laneOf = new Map(lanes.map((l, i) => [l, i]));
  for (const b of shown) {
    const y = top + (laneOf.get(b.lane) ?? 0) * laneH + 1;
    const dur = (b.endMs - b.startMs) / 1000;
    const what = b.outcome === 'ok' ? 'complete' : `${b.outcome} (${b.errorClass ?? '?'})`;
    const tip = `${b.task} attempt ${b.attempt} on ${b.lane}: ${what}, ${seconds(dur)}`;
    // A hairline between attempts that follow each other on one lane.
    const span = x(b.endMs) - x(b.startMs);
    const w = Math.max(1.5, span > 3 ? span - 1 : span);
    body.push(
      rect(x(b.startMs), y, w, laneH - 2, `g-${b.outcome}`, tip, {
        task: b.task,
        attempt: String(b.attempt),
        outcome: b.outcome,
      }),
    );
  }
  const axisY = top + lanes.length * laneH + 4;
  body.push(line(LANE_LABEL, axisY, LANE_LABEL + PLOT_W, axisY, 'axis'));
  for (const t of ticks(span, 6)) {
    body.push(text(LANE_LABEL + (PLOT_W * t) / span, axisY + 14, seconds(t), 'tick', 'middle'));
  }
  return svg(id, { width: LANE_LABEL + PLOT_W + 30, height: axisY + 22 }, title, body);
}

export interface StripPoint {
  value: number;
  tip: string;
}

const STRIP_LABEL = 150;
const STRIP_W = 480;
const STRIP_H = 34;

/**
 * One strip per measure: a dot per task at its value and a vertical line at what was requested,
 * so dots far left of the line are over-requested and dots at or past it under-requested.
 */
export function usageStrips(
  id: string,
  strips: readonly {
    label: string;
    requested: number;
    unit: (v: number) => string;
    points: StripPoint[];
  }[],
  title: string,
): string {
  const body: string[] = [];
  strips.forEach((s, i) => {
    const y0 = 6 + i * STRIP_H;
    const max = Math.max(s.requested, ...s.points.map((p) => p.value)) * 1.05 || 1;
    const x = (v: number): number => STRIP_LABEL + (STRIP_W * v) / max;
    body.push(text(STRIP_LABEL - 8, y0 + 14, s.label, 'label', 'end'));
    body.push(line(STRIP_LABEL, y0 + 18, STRIP_LABEL + STRIP_W, y0 + 18, 'axis'));
    body.push(line(x(s.requested), y0 + 2, x(s.requested), y0 + 24, 'requested'));
    body.push(text(x(s.requested) + 4, y0 + 31, `requested ${s.unit(s.requested)}`, 'tick'));
    s.points.forEach((p, k) => {
      body.push(circle(x(p.value), y0 + 8 + (k % 5) * 2.2, 3, 'dot', p.tip));
    });
  });
  return svg(
    id,
    { width: STRIP_LABEL + STRIP_W + 120, height: 10 + strips.length * STRIP_H },
    title,
    body,
  );
}
