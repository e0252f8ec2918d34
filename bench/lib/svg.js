// SVG charts drawn by the benches themselves (no plotting library): a line chart with optional
// log axes and a grouped bar chart. Output is deterministic for the same numbers.
const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#7f7f7f'];
const W = 640;
const H = 380;
const M = { left: 70, right: 20, top: 40, bottom: 60 };

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const fmt = (v) => {
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e6) return `${+(v / 1e6).toPrecision(3)}M`;
  if (a >= 1e3) return `${+(v / 1e3).toPrecision(3)}k`;
  return String(+v.toPrecision(3));
};

/** A scale from data to pixels, linear or log10, with tick values. */
function scale(min, max, from, to, log) {
  if (log) {
    const lo = Math.floor(Math.log10(min));
    const hi = Math.ceil(Math.log10(max));
    const span = Math.max(hi - lo, 1);
    const at = (v) => from + ((Math.log10(v) - lo) / span) * (to - from);
    const ticks = [];
    for (let e = lo; e <= lo + span; e++) ticks.push(10 ** e);
    return { at, ticks };
  }
  const hi = max <= 0 ? 1 : max * 1.1;
  const step = 10 ** Math.floor(Math.log10(hi / 5));
  const nice = [1, 2, 2.5, 5, 10].map((m) => m * step).find((s) => hi / s <= 6) ?? step * 10;
  const top = Math.ceil(hi / nice) * nice;
  const at = (v) => from + (v / top) * (to - from);
  const ticks = [];
  for (let v = 0; v <= top + nice / 2; v += nice) ticks.push(v);
  return { at, ticks };
}

function frame(title, xLabel, yLabel, body) {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="white"/>`,
    `<text x="${W / 2}" y="22" text-anchor="middle" font-size="15">${esc(title)}</text>`,
    `<text x="${(M.left + W - M.right) / 2}" y="${H - 12}" text-anchor="middle">${esc(xLabel)}</text>`,
    `<text transform="translate(16 ${(M.top + H - M.bottom) / 2}) rotate(-90)" text-anchor="middle">${esc(yLabel)}</text>`,
    ...body,
    '</svg>',
    '',
  ].join('\n');
}

function legend(names) {
  return names.map((name, i) => {
    const y = M.top + 8 + i * 18;
    const x = M.left + 12;
    return `<rect x="${x}" y="${y - 9}" width="12" height="12" fill="${COLORS[i % COLORS.length]}"/><text x="${x + 18}" y="${y + 2}">${esc(name)}</text>`;
  });
}

function yAxis(y, ticks) {
  return ticks.flatMap((t) => [
    `<line x1="${M.left}" x2="${W - M.right}" y1="${y(t).toFixed(1)}" y2="${y(t).toFixed(1)}" stroke="#ddd"/>`,
    `<text x="${M.left - 6}" y="${(y(t) + 4).toFixed(1)}" text-anchor="end">${fmt(t)}</text>`,
  ]);
}

/** series: [{ name, points: [[x, y], ...] }]; log axes by default (growth reads as a slope). */
export function lineChart({ title, xLabel, yLabel, series, logX = true, logY = true }) {
  const pts = series.flatMap((s) => s.points).filter(([x, y]) => x > 0 && y > 0);
  const xs = pts.map(([x]) => x);
  const ys = pts.map(([, y]) => y);
  const sx = scale(Math.min(...xs), Math.max(...xs), M.left, W - M.right, logX);
  const sy = scale(Math.min(...ys), Math.max(...ys), H - M.bottom, M.top, logY);
  const body = [
    ...yAxis(sy.at, sy.ticks),
    ...sx.ticks.map(
      (t) =>
        `<text x="${sx.at(t).toFixed(1)}" y="${H - M.bottom + 16}" text-anchor="middle">${fmt(t)}</text>`,
    ),
    `<line x1="${M.left}" x2="${M.left}" y1="${M.top}" y2="${H - M.bottom}" stroke="black"/>`,
    `<line x1="${M.left}" x2="${W - M.right}" y1="${H - M.bottom}" y2="${H - M.bottom}" stroke="black"/>`,
  ];
  series.forEach((s, i) => {
    const color = COLORS[i % COLORS.length];
    const p = s.points.filter(([x, y]) => x > 0 && y > 0);
    const d = p.map(([x, y], k) => `${k ? 'L' : 'M'}${sx.at(x).toFixed(1)},${sy.at(y).toFixed(1)}`);
    body.push(
      `<path d="${d.join(' ')}" fill="none" stroke="${color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 4"' : ''}/>`,
    );
    for (const [x, y] of p)
      body.push(
        `<circle cx="${sx.at(x).toFixed(1)}" cy="${sy.at(y).toFixed(1)}" r="3.5" fill="${color}"><title>${esc(`${s.name}: ${fmt(x)} -> ${fmt(y)}`)}</title></circle>`,
      );
  });
  body.push(...legend(series.map((s) => s.name)));
  return frame(title, xLabel, yLabel, body);
}

/** categories on x, one bar per series in each; `logY` for values spanning orders of magnitude. */
export function barChart({ title, xLabel = '', yLabel, categories, series, logY = false, line }) {
  const values = series.flatMap((s) => s.values).filter((v) => Number.isFinite(v) && v > 0);
  const sy = scale(
    logY ? Math.min(...values) : 0,
    Math.max(...values, line?.value ?? 0),
    H - M.bottom,
    M.top,
    logY,
  );
  const base = logY ? H - M.bottom : sy.at(0);
  const slot = (W - M.left - M.right) / Math.max(categories.length, 1);
  const barW = (slot * 0.8) / Math.max(series.length, 1);
  const body = [...yAxis(sy.at, sy.ticks)];
  categories.forEach((c, k) => {
    const x0 = M.left + k * slot + slot * 0.1;
    body.push(
      `<text x="${(x0 + slot * 0.4).toFixed(1)}" y="${H - M.bottom + 16}" text-anchor="middle">${esc(c)}</text>`,
    );
    series.forEach((s, i) => {
      const v = s.values[k];
      if (!Number.isFinite(v) || v <= 0) return;
      const y = sy.at(v);
      body.push(
        `<rect x="${(x0 + i * barW).toFixed(1)}" y="${y.toFixed(1)}" width="${(barW - 1).toFixed(1)}" height="${(base - y).toFixed(1)}" fill="${COLORS[i % COLORS.length]}"><title>${esc(`${s.name}, ${c}: ${fmt(v)}`)}</title></rect>`,
      );
    });
  });
  if (line) {
    const y = sy.at(line.value).toFixed(1);
    body.push(
      `<line x1="${M.left}" x2="${W - M.right}" y1="${y}" y2="${y}" stroke="black" stroke-dasharray="5 4"/>`,
      `<text x="${W - M.right - 4}" y="${Number(y) - 5}" text-anchor="end">${esc(line.label)}</text>`,
    );
  }
  body.push(
    `<line x1="${M.left}" x2="${W - M.right}" y1="${base}" y2="${base}" stroke="black"/>`,
    ...legend(series.map((s) => s.name)),
  );
  return frame(title, xLabel, yLabel, body);
}
