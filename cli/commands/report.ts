/**
 * `augc report RUN [-o FILE]`: writes the run's report from its records, into the run
 * (`_augc/report.html`, as `augc run` and `augc merge` do) or to FILE (`-` for stdout).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Command } from 'commander';
import { REPORT_PATH } from '../../engine/run-layout.js';
import { isStorageUnavailable } from '../../engine/storage/s3-errors.js';
import { openRun, type OpenedRun } from '../../runtimes/run/open-run.js';
import { storageUnreachable } from '../../runtimes/run/storage-unreachable.js';
import { renderRunReport, reportNotWritten } from '../../runtimes/run/write-run-report.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { reportMessage } from '../report.js';
import { exitOf } from '../run/cli-events.js';

async function deliver(run: OpenedRun, html: string, output: string | undefined, ctx: CliContext) {
  if (output === '-') return void ctx.io.stdout.write(html);
  if (output === undefined) {
    await run.storage.writeAtomic(REPORT_PATH, html);
    ctx.io.stderr.write(`augc: report: ${run.uri.replace(/\/+$/, '')}/${REPORT_PATH}\n`);
    return;
  }
  await mkdir(dirname(output), { recursive: true });
  await writeFile(output, html);
  ctx.io.stderr.write(`augc: report: ${output}\n`);
}

export async function runReport(
  uri: string,
  flags: { output?: string },
  ctx: CliContext,
): Promise<number> {
  const opened = await openRun(uri);
  if (!opened.ok) {
    opened.diagnostics.forEach((d) => reportMessage(ctx, d));
    return exitOf(opened.status);
  }
  try {
    await deliver(opened.run, await renderRunReport(opened.run), flags.output, ctx);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof Error && isStorageUnavailable(error)) {
      reportMessage(ctx, storageUnreachable(error));
      return EXIT.unavailable;
    }
    const where = flags.output ?? `${uri.replace(/\/+$/, '')}/${REPORT_PATH}`;
    reportMessage(ctx, { ...reportNotWritten(where, error), severity: 'error' });
    return EXIT.failure;
  }
}

export function reportCommand(program: Command, ctx: CliContext): void {
  program
    .command('report')
    .description("write a run's HTML report from its records (_augc/report.html)")
    .argument('<run>', 'the output of `augc run` (a folder or a URI)')
    .option('-o, --output <file>', 'write the report to this file instead (`-` for stdout)')
    .action(async (uri: string, flags: { output?: string }) => {
      ctx.exitCode = await runReport(uri, flags, ctx);
    });
}
