/**
 * Small HTML helpers for the run report: escaping, tables and number formats. Every value that
 * comes from a run (ids, texts, log lines) goes through `esc`, so a report opened from disk shows
 * what the data holds and runs nothing it holds.
 */

export function esc(text: string | number): string {
  return String(text)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** A cell: plain text (escaped) or `{ html }` already built; `num` right-aligns it. */
export type Cell = string | number | { html: string; num?: boolean };

function cellHtml(cell: Cell, tag: 'td' | 'th'): string {
  if (typeof cell === 'number') return `<${tag} class="num">${esc(int(cell))}</${tag}>`;
  if (typeof cell === 'string') return `<${tag}>${esc(cell)}</${tag}>`;
  return `<${tag}${cell.num === true ? ' class="num"' : ''}>${cell.html}</${tag}>`;
}

/** A table with a header row; `id` lets the tests and links find it. */
export function table(id: string, head: Cell[], rows: Cell[][], caption?: string): string {
  const cap = caption !== undefined ? `<caption>${esc(caption)}</caption>` : '';
  const thead = `<thead><tr>${head.map((c) => cellHtml(c, 'th')).join('')}</tr></thead>`;
  const body = rows.map((r) => `<tr>${r.map((c) => cellHtml(c, 'td')).join('')}</tr>`).join('\n');
  return `<table id="${esc(id)}">${cap}${thead}<tbody>\n${body}\n</tbody></table>`;
}

/** A right-aligned number cell with a chosen text. */
export function num(text: string): Cell {
  return { html: esc(text), num: true };
}

/** `1,234,567`. */
export function int(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** A share as a percentage with one decimal, `-` when the whole is 0. */
export function percent(part: number, whole: number): string {
  return whole > 0 ? `${((100 * part) / whole).toFixed(1)}%` : '-';
}

/** `850 ms`, `12.3 s`, `4 m 05 s`, `2 h 10 m`. */
export function seconds(s: number): string {
  if (!Number.isFinite(s)) return '-';
  if (s < 1) return `${Math.round(s * 1000)} ms`;
  if (s < 60) return `${s.toFixed(1)} s`;
  if (s < 3600) return `${Math.floor(s / 60)} m ${String(Math.round(s % 60)).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.round((s % 3600) / 60)).padStart(2, '0')} m`;
}

/** `512 MiB`, `1.5 GiB`. */
export function bytes(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : Number(value.toFixed(value < 10 ? 2 : 1))} ${units[unit]}`;
}

/** A number with at most `digits` decimals and no trailing zeros. */
export function decimal(n: number, digits = 2): string {
  return Number.isFinite(n) ? String(Number(n.toFixed(digits))) : '-';
}
