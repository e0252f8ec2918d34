/**
 * `augc lsp` diagnostics as you type: the same codes, severities and spans as `augc check` on the
 * examples and on every broken file of the UI cases, including those that point into included
 * fragments and imported YAML catalogues; republished on each edit, on an edit of an included
 * file that is open, and when a file changes on disk.
 */
import { mkdtempSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver/node';
import type { JsonDiagnostic } from '../../compiler/diagnostics/render/json.js';
import { augc } from '../cli/spawn-augc.js';
import { cleanEnv, startLsp, uriOf, type LspSession } from './lsp-client.js';

const SEVERITY = { error: 1, warning: 2, note: 3 } as const;

const CASES = [
  ...readdirSync('examples')
    .filter((f) => f.endsWith('.aug'))
    .map((f) => `examples/${f}`),
  'examples/conf/targets.aug',
  ...readdirSync('test/ui/cases')
    .filter((f) => f.endsWith('.aug'))
    .map((f) => `test/ui/cases/${f}`),
];

/** One line per diagnostic: code, severity and 0-based range, as LSP counts. */
const line = (code: unknown, severity: number | undefined, r: Diagnostic['range']): string =>
  `${String(code)} ${severity} ${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;

/** What `augc check --format json` reports, by absolute file. */
async function checkByFile(file: string, env: Record<string, string>) {
  const run = await augc(['check', '--format', 'json', file], env);
  const out = new Map<string, string[]>([[resolve(file), []]]);
  for (const d of JSON.parse(run.stdout) as JsonDiagnostic[]) {
    const span = d.span && 'startLine' in d.span ? d.span : undefined;
    const where = span ? resolve(span.file) : resolve(file);
    const range = span
      ? {
          start: { line: span.startLine - 1, character: span.startColumn - 1 },
          end: { line: span.endLine - 1, character: span.endColumn - 1 },
        }
      : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    out.set(where, [...(out.get(where) ?? []), line(d.code, SEVERITY[d.severity], range)]);
  }
  return out;
}

describe('augc lsp: diagnostics', () => {
  const env = cleanEnv();
  let lsp: LspSession;
  beforeAll(async () => {
    lsp = await startLsp(env);
  });
  afterAll(async () => {
    expect(await lsp.stop()).toBe(0);
  });

  it('has broken files among the cases, so the comparison compares something', async () => {
    const expected = await checkByFile('test/ui/cases/yaml-catalogue.aug', env);
    const yaml = expected.get(resolve('test/ui/cases/fragments/bad-methods.yaml'));
    expect(yaml).toEqual(expect.arrayContaining([expect.stringMatching(/^AUG2101 1 6:12-6:24$/)]));
  });

  for (const file of CASES) {
    it(`reports what augc check reports for ${file}`, async () => {
      const expected = await checkByFile(file, env);
      const from = lsp.published.length;
      await lsp.open(file);
      for (const [path, lines] of expected) {
        const got = await lsp.diagnosticsFor(path, () => true, from);
        expect(got.map((d) => line(d.code, d.severity, d.range)).sort(), path).toEqual(
          lines.sort(),
        );
        for (const d of got) expect(d.source).toBe('augc');
      }
      await lsp.close(file);
    });
  }
});

describe('augc lsp: diagnostics follow the edits', () => {
  const dir = mkdtempSync(join(tmpdir(), 'augc-lsp-edit-'));
  const main = join(dir, 'main.aug');
  const fragment = join(dir, 'methods.aug');
  const yaml = join(dir, 'more.yaml');
  const good = `include "methods.aug"
import "more.yaml"
pipeline "edit" {
  input "data.csv" { text = ["text"] }
  combos { list = [syn, typo, syn + typo] }
  output "out" { format = jsonl }
}
`;
  writeFileSync(join(dir, 'data.csv'), 'text\na b\n');
  writeFileSync(fragment, 'method syn = wordnet_synonym(aug_p = 0.1)\n');
  writeFileSync(yaml, 'methods:\n  - id: typo\n    method: keyboard_typo\n');
  let lsp: LspSession;
  beforeAll(async () => {
    lsp = await startLsp();
  });
  afterAll(async () => {
    expect(await lsp.stop()).toBe(0);
  });

  it('checks each new version of the text, unsaved', async () => {
    expect(await lsp.open(main, good)).toEqual([]);
    const broken = good.replace('  combos', '  method bad = wordnet_synonm()\n  combos');
    const diags = await lsp.change(main, broken);
    expect(diags.map((d) => [d.code, d.range.start, d.range.end])).toEqual([
      ['AUG2101', { line: 4, character: 15 }, { line: 4, character: 29 }],
    ]);
    expect(diags[0]!.message).toContain('help: did you mean `wordnet_synonym`');
    expect(await lsp.change(main, good)).toEqual([]);
  });

  it('applies incremental changes, as an editor sends them while typing', async () => {
    const at = { line: 3, character: 0 };
    const typed = await lsp.edit(main, { start: at, end: at }, '  seed = -1\n');
    expect(typed.map((d) => [d.code, d.range.start, d.range.end])).toEqual([
      ['AUG2113', { line: 3, character: 9 }, { line: 3, character: 11 }],
    ]);
    const end = { line: 4, character: 0 };
    expect(await lsp.edit(main, { start: at, end }, '')).toEqual([]);
  });

  it('rechecks a pipeline when a fragment it includes is edited in the editor', async () => {
    const from = lsp.published.length;
    await lsp.open(fragment, 'method syn = wordnet_synonym(aug_p = 0.1)\n');
    const own = await lsp.change(fragment, 'method synonyms = wordnet_synonym(aug_p = 0.1)\n');
    // Checked on its own, a fragment gets the note `augc check` gives it.
    expect(own.map((d) => d.code)).toEqual(['AUG2019']);
    const inMain = await lsp.diagnosticsFor(main, (p) => p.diagnostics.length > 0, from);
    expect(inMain.map((d) => [d.code, d.range.start])).toEqual([
      ['AUG2108', { line: 4, character: 19 }],
      ['AUG2108', { line: 4, character: 30 }],
    ]);
    // Closed, the fragment is read from the disk again, where `syn` is declared.
    const beforeClose = lsp.published.length;
    await lsp.close(fragment);
    await lsp.diagnosticsFor(main, (p) => p.diagnostics.length === 0, beforeClose);
  });

  it('rechecks open files when an imported catalogue changes on disk', async () => {
    const from = lsp.published.length;
    // Written whole (a rename), so that the server never reads a half-written file.
    writeFileSync(`${yaml}.tmp`, 'methods:\n  - id: typo\n    method: keyboard_typoo\n');
    renameSync(`${yaml}.tmp`, yaml);
    await lsp.notify('workspace/didChangeWatchedFiles', {
      changes: [{ uri: uriOf(yaml), type: 2 }],
    });
    const got = await lsp.diagnosticsFor(yaml, (p) => p.diagnostics.length > 0, from);
    expect(got.map((d) => [d.code, d.range.start.line, d.range.start.character])).toEqual([
      ['AUG2101', 2, 12],
    ]);
  });
});

describe('augc lsp: the configuration', () => {
  it('reports problems in the config file where augc check does, and the rest as a message', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'augc-lsp-config-'));
    const config = join(dir, 'config.yaml');
    writeFileSync(config, 'slurm:\n  partitoin: gpu\nresources:\n  memory: 4\n');
    const env = cleanEnv({ AUGC_CONFIG: config, AUGC_CPUS: 'abc' });
    const expected = await checkByFile('examples/own-command.aug', env);
    expect(expected.get(config)).toHaveLength(2);
    const lsp = await startLsp(env);
    const got = await lsp.diagnosticsFor(config);
    expect(got.map((d) => line(d.code, d.severity, d.range)).sort()).toEqual(
      expected.get(config)!.sort(),
    );
    expect(await lsp.message()).toMatchObject({
      type: 2,
      message: expect.stringContaining('AUG4009'),
    });
    expect((await lsp.message()).message).toContain('AUGC_CPUS=abc');
    expect(await lsp.stop()).toBe(0);
  });
});
