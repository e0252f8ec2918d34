import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The one test that runs the built CLI as a user would (dist/ is built by test/global-setup.ts).
describe('bin/augc.js', () => {
  it('prints the package version', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    const out = execFileSync(process.execPath, ['bin/augc.js', '--version'], { encoding: 'utf8' });
    expect(out).toBe(`${pkg.version}\n`);
  });

  // The CLI is a bundle (scripts/bundle.js): with --verbose its source maps are on, so the stack
  // of an internal error names the TypeScript source. A stdout that throws makes one for real.
  const brokenStdout = `data:text/javascript,process.stdout.write = () => { throw new Error('stdout is broken') }`;

  function withBrokenStdout(args: string[]): { status: number | null; stderr: string } {
    const run = spawnSync(process.execPath, ['--import', brokenStdout, 'bin/augc.js', ...args], {
      encoding: 'utf8',
    });
    return { status: run.status, stderr: run.stderr };
  }

  it('names the TypeScript source file in a --verbose stack trace', () => {
    const run = withBrokenStdout(['--verbose', '--version']);
    expect(run.status).toBe(70);
    expect(run.stderr).toContain('internal error: stdout is broken');
    expect(run.stderr).toMatch(/ at .*[\\/]cli[\\/]main\.ts:\d+:\d+/);
    expect(run.stderr).not.toMatch(/dist[\\/]bundle/);
  });

  it('shows no stack trace without --verbose', () => {
    const run = withBrokenStdout(['--version']);
    expect(run.status).toBe(70);
    expect(run.stderr).not.toContain('    at ');
  });
});
