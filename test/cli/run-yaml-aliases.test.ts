/**
 * An existing YAML method catalogue written with seed-style names (nlp_wordnet_syn, nlp_spelling,
 * ta_wordswap_qwerty, nlp_keyboard, ...) imports and runs: every alias of the catalogue, one combo
 * each, resolved to its augc method with the reference library's parameters.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findMethod, listAliases } from '../../stdlib/catalog/index.js';
import { augc } from './spawn-augc.js';

const LONG = 240_000;

interface Meta {
  rows: number;
  params: { id: string; method: string; params: Record<string, unknown> }[];
}

function aliasesOf(domain: 'text' | 'tabular'): string[] {
  return listAliases()
    .filter((a) => findMethod(a.alias)?.spec.domain === domain)
    .map((a) => a.alias);
}

/** A folder with data.csv, methods.yaml (one entry per alias, id = alias) and p.aug. */
function workspace(aliases: string[], csv: string, input: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'augc-aliases-'));
  const yaml = ['methods:', ...aliases.flatMap((a) => [`  - id: ${a}`, `    method: ${a}`])];
  writeFileSync(join(dir, 'methods.yaml'), `${yaml.join('\n')}\n`);
  writeFileSync(join(dir, 'data.csv'), csv);
  writeFileSync(
    join(dir, 'p.aug'),
    `pipeline "aliases" {
  input "data.csv" { ${input} }
  import "methods.yaml"
  combos { up_to = 1 }
  variants = 1
  output "out"
}
`,
  );
  return dir;
}

async function runAndReadMetas(dir: string, aliases: string[]): Promise<Map<string, Meta>> {
  const run = await augc(['run', join(dir, 'p.aug'), '--output', join(dir, 'out')]);
  expect(run.code, run.stderr).toBe(0);
  expect(run.stderr).not.toContain('error');
  const metas = new Map<string, Meta>();
  for (const alias of aliases) {
    const file = join(dir, 'out', `combo_1_${alias}`, 'meta.json');
    metas.set(alias, JSON.parse(readFileSync(file, 'utf8')) as Meta);
  }
  return metas;
}

const SENTENCES = [
  'id,text',
  '1,I have not been sleeping well and I feel tired during the whole day',
  '2,She said that she cannot concentrate on her work and does not enjoy anything',
  '3,He is worried about his future and he often feels quite hopeless at night',
  '4,We walked slowly through the beautiful garden before going back to the house',
].join('\n');

describe('a YAML catalogue of seed-style names', () => {
  it(
    'imports and runs every text alias with the reference defaults',
    async () => {
      const aliases = aliasesOf('text');
      expect(aliases).toEqual(
        expect.arrayContaining([
          'nlp_wordnet_syn',
          'nlp_spelling',
          'nlp_keyboard',
          'ta_wordswap_qwerty',
          'eda_sr',
        ]),
      );
      const dir = workspace(aliases, `${SENTENCES}\n`, 'id = "id"  text = ["text"]');
      const metas = await runAndReadMetas(dir, aliases);
      for (const alias of aliases) {
        const meta = metas.get(alias)!;
        const resolved = listAliases().find((a) => a.alias === alias)!;
        expect(meta.params[0]?.method, alias).toBe(resolved.method);
        expect(meta.params[0]?.params, alias).toMatchObject(resolved.params);
      }
      expect(metas.get('ta_wordswap_qwerty')!.params[0]!.params).toMatchObject({
        count_rule: 'textattack',
        aug_word_p: 0.1,
      });
      // Something was generated and kept for most aliases (a few may leave a short text unchanged).
      const withRows = aliases.filter((a) => metas.get(a)!.rows > 0);
      expect(withRows.length).toBeGreaterThan(aliases.length * 0.8);
    },
    LONG,
  );

  it(
    'imports and runs every tabular alias',
    async () => {
      const aliases = aliasesOf('tabular');
      expect(aliases).toHaveLength(5);
      const rows = Array.from({ length: 12 }, (_, i) => `${i},${i * 0.5},${10 - i},c${i % 2}`);
      const csv = `id,x,y,label\n${rows.join('\n')}\n`;
      const dir = workspace(aliases, csv, 'id = "id"  features = ["x", "y"]  label = "label"');
      const metas = await runAndReadMetas(dir, aliases);
      for (const alias of aliases) expect(metas.get(alias)!.rows, alias).toBe(12);
    },
    LONG,
  );
});
