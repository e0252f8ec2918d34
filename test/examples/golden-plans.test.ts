import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { compileFile } from '../../compiler/compile.js';
import { canonicalJson } from '../../compiler/plan/canonical-json.js';
import { probeInput } from '../../engine/probe-input.js';

// Golden plans: one per example, compiled from the repository root. They change only on purpose:
// regenerate with UPDATE_SNAPSHOTS=1 and read the diff.
const UPDATE = process.env['UPDATE_SNAPSHOTS'] === '1';
const examples = readdirSync('examples').filter((f) => f.endsWith('.aug'));

describe('golden plans', () => {
  test('there is an example of each kind', () => {
    expect(examples).toEqual(
      expect.arrayContaining([
        'clinical-sentences.aug',
        'cell-lines-tabular.aug',
        'own-command.aug',
      ]),
    );
  });

  for (const example of examples) {
    test(example, async () => {
      const result = await compileFile(`examples/${example}`, { probeInput });
      expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const json = `${canonicalJson(result.plan)}\n`;
      expect(json).not.toMatch(/"\/(work|tmp|home|root)\//);
      const golden = `test/examples/golden/${example.replace(/\.aug$/, '.plan.json')}`;
      if (UPDATE || (!existsSync(golden) && process.env['CI'] === undefined))
        writeFileSync(golden, json);
      expect(json).toBe(readFileSync(golden, 'utf8'));
    });
  }
});
