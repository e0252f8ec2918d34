/**
 * CLI-level fuzzing (issue 5 §2): random bytes as a .aug file, as an imported YAML catalogue and
 * as a plan.json go through the real command handlers (`augc check`, `augc plan`, `augc run
 * --dry-run`, in-process) and must end with a user-facing exit code, never 70 (internal error).
 * The compiler's own fuzz test (test/compiler/fuzz.test.ts) covers deeper mutations.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'augc-cli-fuzz-'));
const USER_EXITS = [0, 1, 64, 66];
const EXAMPLE = readFileSync('examples/clinical-sentences.aug', 'utf8');

/** Random bytes, biased towards the syntax the lexer knows so that some get past it. */
const bytes = fc.oneof(
  fc.uint8Array({ maxLength: 400 }),
  fc
    .array(
      fc.constantFrom(
        'pipeline "p" {',
        '}',
        'method a = ',
        'x(',
        ')',
        '"',
        '\\',
        '\u0000',
        '\uFEFF',
        '\xff',
        '=',
        '[',
        '2GiB',
        '\n',
      ),
      { maxLength: 30 },
    )
    .map((parts) => Buffer.from(parts.join(''), 'latin1')),
  fc
    .tuple(fc.nat({ max: EXAMPLE.length }), fc.uint8Array({ minLength: 1, maxLength: 8 }))
    .map(([at, noise]) =>
      Buffer.concat([Buffer.from(EXAMPLE.slice(0, at)), noise, Buffer.from(EXAMPLE.slice(at))]),
    ),
);

function expectUserExit(r: { code: number; stderr: string }): void {
  expect(USER_EXITS, r.stderr).toContain(r.code);
  expect(r.stderr).not.toContain('AUG5099');
}

describe('random input to the CLI never gives an internal error', () => {
  it('random bytes as a .aug file through `augc check`', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(bytes, async (data) => {
        const file = join(dir, `f${n++}.aug`);
        writeFileSync(file, data);
        expectUserExit(await runCli(['check', file]));
      }),
      { numRuns: 2000, seed: 5 },
    );
  }, 120_000);

  it('random bytes as an imported YAML catalogue through `augc check`', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(bytes, async (data) => {
        const yaml = join(dir, `m${n}.yaml`);
        const file = join(dir, `y${n++}.aug`);
        writeFileSync(yaml, data);
        writeFileSync(file, `import "${yaml}"\n${EXAMPLE}`);
        expectUserExit(await runCli(['check', file]));
      }),
      { numRuns: 500, seed: 6 },
    );
  }, 120_000);

  it('random JSON and bytes as a plan through `augc run --dry-run`', async () => {
    let n = 0;
    const plans = fc.oneof(
      bytes,
      fc.jsonValue().map((v) => Buffer.from(JSON.stringify(v))),
      fc
        .record({ version: fc.jsonValue(), planHash: fc.string(), pipeline: fc.string() })
        .map((v) => Buffer.from(JSON.stringify(v))),
    );
    await fc.assert(
      fc.asyncProperty(plans, async (data) => {
        const file = join(dir, `p${n++}.plan.json`);
        writeFileSync(file, data);
        expectUserExit(await runCli(['run', file, '--dry-run', '--output', join(dir, `out${n}`)]));
      }),
      { numRuns: 500, seed: 7 },
    );
  }, 120_000);
});
