/**
 * The run report of runs on the real Slurm cluster: written by the finalizer job through the run's
 * storage, one timeline lane per array task, a failed-then-retried attempt marked, and (when
 * Chromium is here) rendered without an error.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../../compiler/plan/types.js';
import { browserState, openReport, reportFacts } from '../../cli/report-page.js';
import { augc } from '../../cli/spawn-augc.js';
import { assertClusterUp, clusterState } from './cluster.js';

const cluster = clusterState();
const browser = browserState();
const FAST = { AUGC_GRID_POLL_MAX_MS: '1000' };
const LONG = 300_000;

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'augc-slurm-report-'));
  cpSync('examples', join(dir, 'examples'), { recursive: true });
  return dir;
}

describe.runIf(cluster.run)('the run report on slurm', () => {
  beforeAll(() => assertClusterUp());

  it(
    'is written by the finalizer for the text example: one lane per array task',
    async () => {
      const dir = workspace();
      const out = join(dir, 'run');
      const args = ['run', join(dir, 'examples/clinical-sentences.aug'), '--target', 'slurm'];
      const r = await augc([...args, '--output', out, '--wait'], FAST);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain(`augc: report: ${out}/_augc/report.html`);
      const html = readFileSync(join(out, '_augc/report.html'), 'utf8');
      const plan = JSON.parse(readFileSync(join(out, '_augc/plan.json'), 'utf8')) as Plan;
      expect(html).toContain('one lane per array task (group[index])');
      expect(html).toMatch(/<td>target<\/td><td>slurm<\/td>/);
      if (!browser.run) return;
      const opened = await openReport(join(out, '_augc/report.html'));
      try {
        const facts = await reportFacts(opened.page);
        expect(opened.consoleErrors).toEqual([]);
        expect(facts.states['complete']).toBe(String(plan.taskCount));
        expect(facts.attemptBars).toHaveLength(plan.taskCount);
        expect(facts.sampleTables).toHaveLength(plan.combos.length);
        expect(facts.usageDots).toBe(3 * plan.taskCount);
      } finally {
        await opened.close();
      }
    },
    LONG,
  );

  it(
    'marks an attempt that failed and was retried, with its log tail',
    async () => {
      const dir = workspace();
      const flag = join(dir, 'failed-once');
      writeFileSync(join(dir, 'data.csv'), 'id,text\n1,alpha beta\n2,gamma delta\n3,eps zeta\n');
      const body = `if [ "$AUGC_CHUNK" = 1 ] && [ ! -e ${flag} ]; then touch ${flag}; echo report-boom >&2; exit 3; fi\ncat "$AUGC_INPUT" > "$AUGC_OUTPUT"`;
      writeFileSync(join(dir, 'cmd.sh'), `#!/bin/sh\n${body}\n`);
      writeFileSync(
        join(dir, 'cmd.aug'),
        `pipeline "cmd" {
  input "data.csv" { id = "id"  text = ["text"] }
  method copy = command(["sh", "${join(dir, 'cmd.sh')}"])
  chunk { rows = 2 }
  retry { attempts = 2  backoff = fixed(1s)  on = [exit(3)] }
  resources { walltime = 5m  memory = 256MiB }
  output "out" { format = jsonl }
}
`,
      );
      const out = join(dir, 'run');
      const r = await augc(
        ['run', join(dir, 'cmd.aug'), '--target', 'slurm', '--output', out, '--wait'],
        FAST,
      );
      expect(r.code, r.stderr).toBe(0);
      const html = readFileSync(join(out, '_augc/report.html'), 'utf8');
      expect(html).toMatch(
        /<code>exit\(3\)<\/code><\/td><td class="num">1<\/td><td class="num">1<\/td>/,
      );
      expect(html).toContain(
        '0 task(s) did not complete; 1 failed at first and completed on a retry',
      );
      expect(html).toContain('report-boom');
      expect(html).toMatch(/<rect class="g-failed"[^>]*data-task="combo_1_copy.c00001"/);
    },
    LONG,
  );
});
