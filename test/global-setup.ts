import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * Builds dist/ once per test run so that tests spawning `bin/augc.js` exercise the real build.
 * Type errors do not stop the run here (tsc still emits; `npm run typecheck` is their gate), but
 * a build that produces no CLI does.
 */
export default function setup(): void {
  try {
    execFileSync(
      process.execPath,
      ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'],
      {
        stdio: 'pipe',
      },
    );
  } catch (err) {
    const out = (err as { stdout?: Buffer }).stdout?.toString() ?? String(err);
    process.stderr.write(`global-setup: tsc reported errors:\n${out}\n`);
  }
  execFileSync(process.execPath, ['scripts/copy-assets.js'], { stdio: 'inherit' });
  // bin/augc.js loads the bundle, not dist/cli/main.js: rebuild it from the sources too.
  execFileSync(process.execPath, ['scripts/bundle.js'], { stdio: 'inherit' });
  if (!existsSync('dist/cli/main.js'))
    throw new Error('global-setup: build produced no dist/cli/main.js');
  if (!existsSync('dist/bundle/augc.js'))
    throw new Error('global-setup: build produced no dist/bundle/augc.js');
}
