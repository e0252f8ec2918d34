import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ignoredConfiguration } from '../../../cli/run/ignored-config.js';
import type { Plan } from '../../../compiler/plan/types.js';
import { pipeline, stdlib } from '../../compiler/plan/ast-builder.js';
import { makePlan } from '../../compiler/plan/plan-helpers.js';

const base = makePlan(pipeline({ methods: [stdlib('syn', 'wordnet_synonym')] }));
const plan: Plan = {
  ...base,
  target: 'slurm',
  targets: [
    {
      name: 'slurm',
      options: { partition: 'a', account: 'lab', max_memory: 64 * 1024 ** 3 },
      origins: { partition: 'env AUGC_SLURM_PARTITION', account: 'pipeline', max_memory: '--set' },
    },
  ],
};

function configFile(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'augc-ignored-')), 'config.yaml');
  writeFileSync(path, text);
  return path;
}

describe('ignoredConfiguration', () => {
  it('names what the config file and AUGC_* would have changed, and how to re-plan', () => {
    const path = configFile('slurm:\n  qos: fast\n  partition: fromfile\n');
    const note = ignoredConfiguration(plan, 'p.json', {
      AUGC_CONFIG: path,
      AUGC_SLURM_PARTITION: 'b',
    });
    expect(note).toMatchObject({ code: 'AUG5115', severity: 'note' });
    // The variable overrides the file's `partition`, as it would have when compiling.
    expect(note?.notes).toEqual([
      `\`config ${path}\` would set \`slurm.qos\` to "fast"; the plan does not set it`,
      '`AUGC_SLURM_PARTITION` would set `slurm.partition` to "b"; the plan has "a" (env AUGC_SLURM_PARTITION)',
    ]);
    expect(note?.help).toContain('`augc plan main.aug --target slurm -o p.json`');
  });

  it('says nothing when only options set above the configuration differ, or values agree', () => {
    const env = {
      AUGC_CONFIG: configFile('resources:\n  cpus: 8\n'),
      AUGC_SLURM_ACCOUNT: 'other',
      AUGC_SLURM_MAX_MEMORY: '1GiB',
      AUGC_SLURM_PARTITION: 'a',
    };
    expect(ignoredConfiguration(plan, 'p.json', env)).toBeUndefined();
  });
});
