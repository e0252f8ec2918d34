import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The one test that runs the built CLI as a user would (dist/ is built by test/global-setup.ts).
describe('bin/augc.js', () => {
  it('prints the package version', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    const out = execFileSync(process.execPath, ['bin/augc.js', '--version'], { encoding: 'utf8' });
    expect(out).toBe(`${pkg.version}\n`);
  });
});
