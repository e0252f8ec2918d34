/** The `lsf` target: IBM Spectrum LSF job arrays through bsub/bjobs/bkill (see docs/runtimes/lsf.md). */
import { makeGridRuntime } from '../grid/grid-runtime.js';
import { lsfDialect, parseMaxJobArraySize } from './dialect.js';

export const lsfRuntime = makeGridRuntime({
  name: 'lsf',
  dialects: { lsf: lsfDialect },
  detectDialect: () => Promise.resolve('lsf'),
  async maxArraySize(client) {
    const r = await client.run(['bparams', '-a']);
    return r.exitCode === 0 ? parseMaxJobArraySize(r.stdout) : undefined;
  },
});
