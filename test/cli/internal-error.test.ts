import { describe, expect, it, vi } from 'vitest';
import { EXIT } from '../../cli/exit-codes.js';
import { runCli, workspace } from './run-cli.js';

// An exception escaping a command is a bug in augc: exit 70, no stack unless --verbose.
vi.mock('../../compiler/format/format-source.js', () => ({
  formatSource: () => {
    throw new Error('boom');
  },
}));

describe('internal errors', () => {
  const file = workspace({ 'a.aug': 'pipeline "a" {}\n' });

  it('exits 70 with a short message', async () => {
    const run = await runCli(['fmt', file('a.aug')]);
    expect(run.code).toBe(EXIT.internal);
    expect(run.stderr).toContain('error[AUG5099]: internal error: boom');
    expect(run.stderr).toContain('--verbose');
    expect(run.stderr).not.toContain('    at ');
  });

  it('shows the stack with --verbose', async () => {
    const run = await runCli(['--verbose', 'fmt', file('a.aug')]);
    expect(run.code).toBe(EXIT.internal);
    expect(run.stderr).toContain('    at ');
  });
});
