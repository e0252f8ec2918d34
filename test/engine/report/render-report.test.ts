import { describe, expect, it } from 'vitest';
import { renderReport } from '../../../engine/report/render-report.js';
import type { ComboSamples } from '../../../engine/report/samples.js';
import { summarizeRun } from '../../../engine/report/summarize.js';
import { fixtureRecords, plan, tasks } from './report-fixture.js';

const HOSTILE = '<script>alert("x")</script> & <img src=x onerror=alert(1)>';

function html(): string {
  const records = fixtureRecords();
  records.logTails.set(tasks[3]!.id, { tail: HOSTILE });
  const model = summarizeRun({
    plan,
    records,
    facts: { target: 'local', command: `augc run ${HOSTILE}` },
    requested: () => ({ cpus: 1, memoryBytes: 2 ** 31, gpus: 0, walltimeSeconds: 60 }),
    reportVersion: '0.1.0',
  });
  const samples: ComboSamples[] = [
    {
      combo: 'combo_1_typo',
      mode: 'text',
      columns: ['sentence'],
      chunk: 0,
      rows: [
        {
          ordinal: 3,
          id: 's3',
          original: [`the tired cat ${HOSTILE}`],
          variants: [{ variant: 0, values: ['the tirde cat'], similarity: 0.81234 }],
        },
      ],
    },
    { combo: 'combo_2_typo+swap', mode: 'text', columns: ['sentence'], rows: [], note: 'no rows' },
  ];
  return renderReport(model, samples);
}

const count = (text: string, pattern: RegExp): number => text.match(pattern)?.length ?? 0;

describe('renderReport', () => {
  const page = html();

  it('is one self-contained document: no script, no external reference, a CSP that forbids both', () => {
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(page).not.toMatch(/<script/i);
    expect(page).not.toMatch(/(src|href)="(https?:)?\/\//i);
    expect(page).not.toMatch(/<link\b|@import|url\(/i);
    expect(page).toContain(
      `content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`,
    );
  });

  it('escapes whatever the run holds (texts, commands, logs)', () => {
    expect(page).not.toContain(HOSTILE);
    // The command, the log tail, the sample's original and the same text deleted in its variant.
    expect(count(page, /&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt;/g)).toBe(4);
    expect(page).not.toMatch(/<img/i);
  });

  it('has every section, and a bar per attempt with the failed ones marked', () => {
    for (const id of [
      'summary',
      'combos',
      'methods',
      'samples',
      'timeline',
      'resources',
      'failures',
    ])
      expect(page).toContain(`<h2 id="${id}">`);
    expect(count(page, /<rect class="g-ok"/g)).toBe(3);
    expect(count(page, /<rect class="g-failed"/g)).toBe(3);
    expect(count(page, /<figure>/g)).toBe(2 + 2);
    expect(count(page, /<section class="failure"/g)).toBe(2);
  });

  it('highlights what a variant changed and says why a combo has no sample', () => {
    expect(page).toContain('the tir<del>e</del>d<ins>e</ins> cat');
    expect(page).toContain('(similarity 0.812)');
    expect(page).toContain('no rows');
  });
});
