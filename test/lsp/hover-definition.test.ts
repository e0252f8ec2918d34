/**
 * `augc lsp` hover and go to definition, spoken over JSON-RPC to the spawned server: docs and
 * defaults from the method catalogue and the target catalogue, a method named in `combos` found
 * in this file, an included fragment or an imported YAML catalogue, and include/import paths
 * resolved relative to the file that names them.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hover, MarkupContent } from 'vscode-languageserver/node';
import { positionOf, startLsp, uriOf, type LspSession } from './lsp-client.js';

const CLINICAL = 'examples/clinical-sentences.aug';
const SWEEP = 'examples/redsm5-sweep.aug';
const text = (path: string) => readFileSync(path, 'utf8');
const markdown = (hover: Hover | null): string => (hover?.contents as MarkupContent).value;

describe('augc lsp: hover', () => {
  let lsp: LspSession;
  beforeAll(async () => {
    lsp = await startLsp();
    await lsp.open(CLINICAL);
    await lsp.open(SWEEP);
    await lsp.open('test/ui/cases/syntax-errors.aug');
  });
  afterAll(async () => {
    expect(await lsp.stop()).toBe(0);
  });

  it('shows a catalogue method with its parameter table', async () => {
    const at = positionOf(text(CLINICAL), 'wordnet_synonym', 3);
    const hover = await lsp.hover(CLINICAL, at);
    expect(markdown(hover)).toContain('### `wordnet_synonym`');
    expect(markdown(hover)).toContain('| `aug_p` | number | `0.3` | >= 0, <= 1 |');
    expect(hover?.range).toEqual({
      start: { line: at.line, character: at.character - 3 },
      end: { line: at.line, character: at.character - 3 + 'wordnet_synonym'.length },
    });
  });

  it('shows a parameter with its default and range', async () => {
    const at = positionOf(text(CLINICAL), 'aug_char_p', 1);
    const value = markdown(await lsp.hover(CLINICAL, at));
    expect(value).toContain('**`aug_char_p`** (number) of `keyboard_typo`');
    expect(value).toContain("share of a chosen word's characters to change");
    expect(value).toContain('- default: `0.3`');
    expect(value).toContain('- range: >= 0, <= 1');
  });

  it('explains block attributes, targets and their options', async () => {
    const memory = markdown(await lsp.hover(CLINICAL, positionOf(text(CLINICAL), 'memory = 1GiB')));
    expect(memory).toContain('memory per task');
    const slurm = markdown(await lsp.hover(CLINICAL, positionOf(text(CLINICAL), 'slurm {', 1)));
    expect(slurm).toContain('**target `slurm`**: Slurm job arrays (sbatch)');
    expect(slurm).toContain('Tasks per array job: 1000');
    const partition = positionOf(text(CLINICAL), 'partition', 2);
    expect(markdown(await lsp.hover(CLINICAL, partition))).toContain(
      '**`partition`** (string) of target `slurm`',
    );
  });

  it('shows the declaration of a method named in combos, from this file', async () => {
    const at = positionOf(text(CLINICAL), 'typo + spell', 1);
    const value = markdown(await lsp.hover(CLINICAL, at));
    expect(value).toContain('method `typo`');
    expect(value).toContain('method typo = keyboard_typo(aug_char_p = 0.1, aug_word_max = 2)');
    expect(value).toContain('### `keyboard_typo`');
  });

  it('shows the declaration of a method imported from a YAML catalogue', async () => {
    const at = positionOf(text(SWEEP), 'mlm + typo', 7);
    const value = markdown(await lsp.hover(SWEEP, at));
    expect(value).toContain(`(from \`${resolve('examples/conf/augment_methods.yaml')}\`)`);
    expect(value).toContain('```yaml\nid: typo\n    method: keyboard_typo');
    expect(value).toContain('### `keyboard_typo`');
  });

  it('still answers in a file with syntax errors, and not inside a comment', async () => {
    const broken = 'test/ui/cases/syntax-errors.aug';
    const at = positionOf(text(broken), 'keyboard_typo', 2);
    expect(markdown(await lsp.hover(broken, at))).toContain('### `keyboard_typo`');
    expect(await lsp.hover(broken, positionOf(text(broken), 'independent'))).toBeNull();
  });
});

describe('augc lsp: go to definition', () => {
  let lsp: LspSession;
  beforeAll(async () => {
    lsp = await startLsp();
    await lsp.open(CLINICAL);
    await lsp.open(SWEEP);
  });
  afterAll(async () => {
    expect(await lsp.stop()).toBe(0);
  });

  it('goes from a method in combos to its declaration in the same file', async () => {
    const got = await lsp.definition(CLINICAL, positionOf(text(CLINICAL), 'typo + spell', 2));
    const decl = positionOf(text(CLINICAL), 'typo = keyboard_typo');
    expect(got).toEqual({
      uri: uriOf(CLINICAL),
      range: { start: decl, end: { line: decl.line, character: decl.character + 4 } },
    });
  });

  it('goes to a method declared in an imported YAML catalogue', async () => {
    const got = await lsp.definition(SWEEP, positionOf(text(SWEEP), 'mlm + typo', 6));
    expect(got).toEqual({
      uri: uriOf('examples/conf/augment_methods.yaml'),
      range: { start: { line: 5, character: 8 }, end: { line: 5, character: 12 } },
    });
  });

  it('goes to a method declared in an included fragment', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'augc-lsp-def-'));
    const fragment = join(dir, 'conf', 'methods.aug');
    mkdirSync(join(dir, 'conf'));
    writeFileSync(fragment, '// shared\nmethod syn = wordnet_synonym()\n');
    const main = join(dir, 'main.aug');
    const source = `pipeline "p" {
  include "conf/methods.aug"
  input "d.csv" { text = ["t"] }
  combos { list = [syn] }
  output "o"
}
`;
    await lsp.open(main, source);
    const got = await lsp.definition(main, positionOf(source, 'syn]', 1));
    expect(got).toEqual({
      uri: uriOf(fragment),
      range: { start: { line: 1, character: 7 }, end: { line: 1, character: 10 } },
    });
  });

  it('goes from include and import paths to the files they name', async () => {
    const include = await lsp.definition(SWEEP, positionOf(text(SWEEP), 'conf/targets.aug'));
    expect(include?.uri).toBe(uriOf('examples/conf/targets.aug'));
    const imported = await lsp.definition(SWEEP, positionOf(text(SWEEP), 'augment_methods', 3));
    expect(imported?.uri).toBe(uriOf('examples/conf/augment_methods.yaml'));
  });

  it('has no definition for a catalogue method or a plain value', async () => {
    expect(await lsp.definition(CLINICAL, positionOf(text(CLINICAL), 'spelling(', 2))).toBeNull();
    expect(await lsp.definition(CLINICAL, positionOf(text(CLINICAL), 'up_to = 2', 8))).toBeNull();
  });
});
