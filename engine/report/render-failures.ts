/** The report's "Failures" section: every task with a failed attempt, and the tail of its log. */
import { esc, int, table } from './html.js';
import type { FailureEntry, ReportModel } from './report-model.js';

/** Failures shown in full; the rest are listed by id. */
const SHOWN = 50;

function failureHtml(f: FailureEntry): string {
  const verdict = f.final
    ? '<span class="final">not complete</span>'
    : '<span class="muted">retried, then complete</span>';
  const rows = f.attempts.map((a) => [
    a.attempt,
    `${a.state} (${a.errorClass})`,
    a.message,
    a.worker,
    a.end,
  ]);
  const attempts =
    rows.length > 0
      ? table(`attempts-${f.task}`, ['attempt', 'state', 'message', 'worker', 'end'], rows)
      : '<p class="muted">No attempt record.</p>';
  const where =
    f.logLocation !== undefined ? ` <span class="muted">(${esc(f.logLocation)})</span>` : '';
  const log =
    f.logTail !== '' ? `<p>Log tail${where}:</p><pre class="log">${esc(f.logTail)}</pre>` : '';
  return `<section class="failure" data-task="${esc(f.task)}" data-final="${f.final}"><h3><code>${esc(f.task)}</code> <span class="muted">${esc(f.group)}[${f.index}]</span> ${verdict}</h3>\n${attempts}\n${log}</section>`;
}

export function renderFailures(model: ReportModel): string {
  const { failures } = model;
  if (failures.length === 0)
    return '<h2 id="failures">Failures</h2>\n<p id="no-failures">No attempt failed.</p>';
  const final = failures.filter((f) => f.final).length;
  const rest = failures.slice(SHOWN).map((f) => `<code>${esc(f.task)}</code>`);
  return [
    '<h2 id="failures">Failures</h2>',
    `<p>${int(final)} task(s) did not complete; ${int(failures.length - final)} failed at first and completed on a retry.</p>`,
    ...failures.slice(0, SHOWN).map(failureHtml),
    rest.length > 0 ? `<p class="muted">Also: ${rest.join(', ')}</p>` : '',
  ].join('\n');
}
