import { readFileSync } from 'node:fs';
import prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import { commandEnvOf } from '../../engine/run-command.js';
import { listAliases, listMethods } from '../../stdlib/catalog/index.js';
import { renderMethodsDoc } from '../../stdlib/catalog/methods-doc.js';
import type { MethodSpec } from '../../stdlib/catalog/types.js';

const PATH = 'docs/methods.md';

describe('docs/methods.md', () => {
  it('is up to date with the catalogue (regenerate: npm run build && node scripts/gen-methods-doc.js)', async () => {
    const options = { ...(await prettier.resolveConfig(PATH)), filepath: PATH };
    const commands = {
      python: readFileSync('examples/tools/swap_words.py', 'utf8'),
      shell: readFileSync('examples/tools/upper_column.sh', 'utf8'),
    };
    const expected = await prettier.format(
      renderMethodsDoc(listMethods(), listAliases(), commands),
      options,
    );
    expect(readFileSync(PATH, 'utf8')).toBe(expected);
  });

  it('documents every method and alias with defaults, count rule, label safety and reference', () => {
    const doc = readFileSync(PATH, 'utf8');
    for (const m of listMethods()) {
      const section = doc.slice(doc.indexOf(`### \`${m.name}\``)).split('\n### ')[0]!;
      expect(section, m.name).toContain(`- count rule: ${m.countRule}`);
      expect(section, m.name).toContain(`- label-safe: ${m.labelSafe ? 'yes' : 'no'}`);
      expect(section, m.name).toContain(`- reference: ${m.reference ?? '-'}`);
      for (const p of m.params) expect(section, `${m.name}.${p.name}`).toMatch(`| \`${p.name}\``);
    }
    for (const a of listAliases())
      expect(doc).toMatch(new RegExp(`\\| \`${a.alias}\` +\\| \`${a.method}\``));
  });

  it('documents every variable and placeholder a command program gets', () => {
    const doc = readFileSync(PATH, 'utf8');
    const section = doc.slice(doc.indexOf('## Your own programs'));
    const identity = {
      taskId: 't',
      combo: 'c',
      chunk: 0,
      seed: '1',
      input: 'i',
      output: 'o',
      textColumns: ['x'],
      attempt: 1,
    };
    const method = { id: 'm', kind: 'command' as const, params: {}, resources: {} as never };
    const names = Object.keys(
      commandEnvOf({ ...method, labelSafe: false, gpu: false }, identity, {}),
    );
    expect(names.length).toBeGreaterThan(5);
    for (const name of names) expect(section, name).toContain(`\`${name}\``);
    for (const word of ['{input}', '{output}', '{seed}', '`io = stdio`', '`io = files`'])
      expect(section, word).toContain(word);
  });

  it('renders defaults, ranges and enum values', () => {
    const spec: MethodSpec = {
      name: 'm',
      domain: 'text',
      summary: 's',
      doc: 'd',
      countRule: 'eda',
      labelSafe: false,
      gpu: false,
      params: [
        { name: 'p', type: 'number', default: 0.1, min: 0, max: 1, doc: 'a | b' },
        { name: 'q', type: 'number', default: 1, min: 0, exclusiveMin: true, doc: 'q' },
        { name: 'e', type: 'enum', default: 'x', values: ['x', 'y'], doc: 'e' },
        { name: 'l', type: 'string_list', default: ['_'], doc: 'l' },
        { name: 'n', type: 'integer', default: null, doc: 'n' },
      ],
    };
    const doc = renderMethodsDoc(
      [spec],
      [{ alias: 'm2', method: 'm', params: { p: 0.2 }, doc: 'r' }],
    );
    expect(doc).toContain('| `p` | number | `0.1` | >= 0, <= 1 | a \\| b |');
    expect(doc).toContain('| `q` | number | `1` | > 0 | q |');
    expect(doc).toContain('| `e` | enum | `x` | `x` `y` | e |');
    expect(doc).toContain('| `l` | string_list | `["_"]` | - | l |');
    expect(doc).toContain('| `n` | integer | none | - | n |');
    expect(doc).toContain('- label-safe: no (the compiler warns)');
    expect(doc).toContain('- aliases: `m2`');
    expect(doc).toContain('| `m2` | `m` | p = 0.2 | r |');
  });
});
