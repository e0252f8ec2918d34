/**
 * The report's charts are inline SVG that augc writes itself: no charting package, no script, no
 * network. Each chart is a function from numbers to one `<svg>` string with a `viewBox` (it scales
 * with the page), a `<title>` for screen readers, and a `<title>` on each mark as its tooltip.
 */
import { esc } from './html.js';

export interface Box {
  width: number;
  height: number;
}

/** The outer element; `label` is the chart's accessible name. */
export function svg(id: string, box: Box, label: string, body: string[]): string {
  return (
    `<svg id="${esc(id)}" class="chart" viewBox="0 0 ${box.width} ${box.height}" ` +
    `width="${box.width}" height="${box.height}" role="img" xmlns="http://www.w3.org/2000/svg">` +
    `<title>${esc(label)}</title>${body.join('')}</svg>`
  );
}

/** A rectangle with a tooltip; `cls` picks its colour from the stylesheet. */
export function rect(
  x: number,
  y: number,
  w: number,
  h: number,
  cls: string,
  tip: string,
  data: Record<string, string> = {},
): string {
  const attrs = Object.entries(data)
    .map(([k, v]) => ` data-${k}="${esc(v)}"`)
    .join('');
  return (
    `<rect class="${cls}" x="${r(x)}" y="${r(y)}" width="${r(Math.max(0, w))}" height="${r(h)}"${attrs}>` +
    `<title>${esc(tip)}</title></rect>`
  );
}

export function text(
  x: number,
  y: number,
  content: string,
  cls = 'label',
  anchor = 'start',
): string {
  return `<text class="${cls}" x="${r(x)}" y="${r(y)}" text-anchor="${anchor}">${esc(content)}</text>`;
}

export function line(x1: number, y1: number, x2: number, y2: number, cls: string): string {
  return `<line class="${cls}" x1="${r(x1)}" y1="${r(y1)}" x2="${r(x2)}" y2="${r(y2)}"/>`;
}

export function circle(cx: number, cy: number, radius: number, cls: string, tip: string): string {
  return `<circle class="${cls}" cx="${r(cx)}" cy="${r(cy)}" r="${radius}"><title>${esc(tip)}</title></circle>`;
}

/** Coordinates with two decimals: enough on screen, and the file stays small. */
function r(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/** Round tick values for an axis from 0 to `max`: 1, 2 or 5 times a power of ten apart. */
export function ticks(max: number, count = 5): number[] {
  if (!(max > 0)) return [0];
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let v = 0; v <= max + step / 1e6; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}
