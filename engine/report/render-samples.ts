/** The report's "Samples" section: originals beside their variants, changes highlighted. */
import { decimal, esc } from './html.js';
import type { ComboSamples, SampleRow } from './samples.js';
import { SAMPLE_COMBOS } from './samples.js';
import { diffTexts } from './text-diff.js';

function diffHtml(original: string, variant: string): string {
  return diffTexts(original, variant)
    .map((p) =>
      p.kind === 'same'
        ? esc(p.text)
        : p.kind === 'ins'
          ? `<ins>${esc(p.text)}</ins>`
          : `<del>${esc(p.text)}</del>`,
    )
    .join('');
}

function labelled(
  columns: readonly string[],
  values: readonly string[],
  cell: (v: string, i: number) => string,
) {
  if (columns.length === 1) return cell(values[0] ?? '', 0);
  return columns
    .map((c, i) => `<div><span class="muted">${esc(c)}:</span> ${cell(values[i] ?? '', i)}</div>`)
    .join('');
}

/** Equal as text, or as numbers (`6.510` in a CSV input and `6.51` in a part). */
function sameValue(a: string, b: string): boolean {
  return a === b || (a.trim() !== '' && b.trim() !== '' && Number(a) === Number(b));
}

function variantsHtml(s: ComboSamples, row: SampleRow): string {
  if (row.variants.length === 0) return '<span class="muted">no variant kept</span>';
  return row.variants
    .map((v) => {
      const body =
        s.mode === 'text'
          ? labelled(s.columns, v.values, (text, i) => diffHtml(row.original[i] ?? '', text))
          : labelled(s.columns, v.values, (value, i) =>
              sameValue(value, row.original[i] ?? '') ? esc(value) : `<mark>${esc(value)}</mark>`,
            );
      const sim =
        v.similarity !== undefined
          ? ` <span class="muted">(similarity ${decimal(v.similarity, 3)})</span>`
          : '';
      return `<div class="variant" data-variant="${v.variant}"><span class="v">v${v.variant}</span>${body}${sim}</div>`;
    })
    .join('');
}

function comboHtml(s: ComboSamples): string {
  const head = `<h3 id="sample-${esc(s.combo)}"><code>${esc(s.combo)}</code>${s.chunk !== undefined ? ` <span class="muted">chunk ${s.chunk}</span>` : ''}</h3>`;
  if (s.rows.length === 0) return `${head}<p class="muted">${esc(s.note ?? 'nothing to show')}</p>`;
  const rows = s.rows.map((row) => {
    const who =
      row.id !== undefined
        ? `${esc(row.id)}<div class="muted">row ${row.ordinal}</div>`
        : `row ${row.ordinal}`;
    const original = labelled(s.columns, row.original, (v) => esc(v));
    return `<tr><td>${who}</td><td class="text">${original}</td><td class="text">${variantsHtml(s, row)}</td></tr>`;
  });
  return `${head}<table class="samples" data-combo="${esc(s.combo)}"><thead><tr><th>row</th><th>original</th><th>variants kept</th></tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>`;
}

export function renderSamples(samples: readonly ComboSamples[], combos: number): string {
  const more =
    combos > SAMPLE_COMBOS
      ? `<p class="muted">The first ${SAMPLE_COMBOS} of ${combos} combos are sampled.</p>`
      : '';
  return [
    '<h2 id="samples">Samples</h2>',
    '<p class="muted">A few input rows per combo, chosen by the pipeline\'s seed (the same rows each time), with the variants the combo kept for them: <ins>inserted</ins> and <del>deleted</del> text, or <mark>changed</mark> values.</p>',
    more,
    ...samples.map(comboHtml),
  ].join('\n');
}
