/** The `lsf` target: IBM Spectrum LSF job arrays through bsub/bjobs/bkill (see docs/runtimes/lsf.md). */
import type { PlanParamValue } from '../../compiler/plan/types.js';
import { makeGridRuntime, type GridRuntime } from '../grid/grid-runtime.js';
import type { RunContext } from '../runtime.js';
import { lsfDialect, parseMaxJobArraySize } from './dialect.js';

const grid = makeGridRuntime({
  name: 'lsf',
  dialectFor: () => Promise.resolve(lsfDialect),
  async maxArraySize(client) {
    const r = await client.run(['bparams', '-a']);
    return r.exitCode === 0 ? parseMaxJobArraySize(r.stdout) : undefined;
  },
});

/**
 * LSF calls the charged unit a project (`-P`), the grid layer an account: the `project` option is
 * handed on as `account`, which is what the dialect reads. The plan already holds the configured
 * defaults (`lsf: { project: ... }`, AUGC_LSF_PROJECT), so this one rename covers them too.
 */
function withAccount(run: RunContext): RunContext {
  const project = run.options['project'];
  if (typeof project !== 'string' || project === '') return run;
  const options: Record<string, PlanParamValue> = { ...run.options, account: project };
  return { ...run, options };
}

const submit = grid.submit;
const describe = grid.describe;

// Assigned onto the grid runtime itself: tests set `exec` on it, and its closures read that object.
export const lsfRuntime: GridRuntime = Object.assign(grid, {
  submit: (run: RunContext) => submit(withAccount(run)),
  describe: (run: RunContext, print: (text: string) => void) => describe(withAccount(run), print),
});
