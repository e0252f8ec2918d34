/**
 * `augc lsp` completion over JSON-RPC: the text is sent with didOpen/didChange (unsaved, in the
 * examples folder so that includes and imports resolve) and completed where `|` stands.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompletionItem } from 'vscode-languageserver/node';
import { findMethod, listAliases, listMethods } from '../../stdlib/catalog/index.js';
import { startLsp, withCursor, type LspSession } from './lsp-client.js';

const FILE = 'examples/completion-scratch.aug';

const PIPELINE = (body: string) => `include "conf/targets.aug"
import "conf/augment_methods.yaml"
pipeline "scratch" {
  input "data/clinical-sentences.csv" { text = ["sentence_text"] }
  method mlm = command("python x.py")
${body}
  output "out/scratch" { format = csv }
}
`;

describe('augc lsp: completion', () => {
  let lsp: LspSession;
  let opened = false;
  /** Sends the text (the first time with didOpen) and completes at its cursor. */
  const complete = async (marked: string): Promise<CompletionItem[]> => {
    const { text, at } = withCursor(marked);
    if (opened) await lsp.change(FILE, text);
    else await lsp.open(FILE, text);
    opened = true;
    return lsp.completion(FILE, at);
  };
  const labels = (items: CompletionItem[]) => items.map((i) => i.label);

  beforeAll(async () => {
    lsp = await startLsp();
  });
  afterAll(async () => {
    expect(await lsp.stop()).toBe(0);
  });

  it('completes method names after `method x =`', async () => {
    const items = await complete(PIPELINE('  method syn = |'));
    const names = labels(items);
    for (const m of listMethods()) expect(names).toContain(m.name);
    for (const a of listAliases()) expect(names).toContain(a.alias);
    expect(names).toContain('command');
    const synonym = items.find((i) => i.label === 'wordnet_synonym');
    expect(synonym?.detail).toBe('text: replace words with WordNet synonyms');
    expect(synonym?.documentation).toMatchObject({ kind: 'markdown' });
  });

  it('completes the parameters a call has not given yet', async () => {
    const names = labels(
      await complete(PIPELINE('  method syn = wordnet_synonym(aug_p = 0.1, |)')),
    );
    expect(names).toEqual(expect.arrayContaining(['aug_min', 'aug_max', 'stopwords']));
    expect(names).not.toContain('aug_p');
  });

  it('completes enum values of parameters and attributes', async () => {
    const action = await complete(PIPELINE('  method swap = random_word(action = |)'));
    const actions = findMethod('random_word')!.spec.params.find((p) => p.name === 'action')!.values;
    expect(labels(action)).toEqual(actions);
    expect(actions).toContain('swap');
    const format = await complete(PIPELINE('  quality {\n    measure = |\n  }'));
    expect(labels(format)).toEqual(['chrf', 'levenshtein', 'jaccard']);
    const bools = await complete(PIPELINE('  quality {\n    case_sensitive = |\n  }'));
    expect(labels(bools)).toEqual(['true', 'false']);
  });

  it('completes the statements of the enclosing block, in a file that does not parse', async () => {
    const body = labels(await complete(PIPELINE('  |')));
    expect(body).toEqual(expect.arrayContaining(['seed', 'variants', 'combos', 'retry', 'target']));
    const { text, at } = withCursor('pipeline "x" {\n  resources {\n    wall|');
    await lsp.change(FILE, text);
    const items = await lsp.completion(FILE, at);
    expect(labels(items)).toEqual([
      'cpus',
      'memory',
      'gpus',
      'gpu_type',
      'walltime',
      'queue',
      'account',
    ]);
    expect(items.find((i) => i.label === 'walltime')?.textEdit).toEqual({
      range: { start: { line: 2, character: 4 }, end: at },
      newText: 'walltime',
    });
  });

  it('completes target names and target options', async () => {
    const names = labels(await complete(PIPELINE('  target |')));
    expect(names).toEqual([
      'local',
      'slurm',
      'pbs',
      'lsf',
      'aws-batch',
      'gcp-batch',
      'azure-batch',
    ]);
    const slurm = labels(await complete(PIPELINE('  target slurm {\n    |\n  }')));
    expect(slurm).toEqual(
      expect.arrayContaining(['partition', 'qos', 'array_limit', 'max_memory']),
    );
    const runtime = labels(await complete(PIPELINE('  target local {\n    container = |\n  }')));
    expect(runtime).toEqual(['apptainer', 'singularity', 'docker', 'podman', 'none']);
  });

  it('completes units after a number, replacing the unit typed so far', async () => {
    const { text, at } = withCursor(PIPELINE('  resources {\n    memory = 16G|\n  }'));
    await lsp.change(FILE, text);
    const items = await lsp.completion(FILE, at);
    expect(labels(items)).toEqual(['B', 'KB', 'MB', 'GB', 'TB', 'KiB', 'MiB', 'GiB', 'TiB']);
    expect(items[0]!.textEdit).toEqual({
      range: { start: { line: at.line, character: at.character - 1 }, end: at },
      newText: 'B',
    });
    const walltime = await complete(PIPELINE('  resources {\n    walltime = 30|\n  }'));
    expect(labels(walltime)).toEqual(['ms', 's', 'm', 'h', 'd']);
    const limit = await complete(PIPELINE('  target slurm {\n    max_walltime = 2|\n  }'));
    expect(labels(limit)).toEqual(['ms', 's', 'm', 'h', 'd']);
  });

  it('completes method ids in combos, imported ones included', async () => {
    const names = labels(await complete(PIPELINE('  combos {\n    exclude = [mlm + |]\n  }')));
    expect(names.sort()).toEqual(['mlm', 'spell', 'syn', 'typo']);
    const retry = labels(await complete(PIPELINE('  retry {\n    on = [oom, |]\n  }')));
    expect(retry).toEqual(['preempted', 'timeout', 'oom', 'node_fail', 'any', 'exit', 'signal']);
  });

  it('completes include and import paths from the folder of the file', async () => {
    const folders = labels(await complete(`include "|"\n${PIPELINE('')}`));
    expect(folders).toEqual(
      expect.arrayContaining(['conf/', 'data/', 'tools/', 'clinical-sentences.aug']),
    );
    const fragments = labels(await complete(`include "conf/|"\n${PIPELINE('')}`));
    expect(fragments).toEqual(['targets.aug']);
    const catalogues = labels(await complete(`import "conf/aug|"\n${PIPELINE('')}`));
    expect(catalogues).toEqual(['augment_methods.yaml']);
  });

  it('offers nothing inside a comment or a plain string', async () => {
    expect(await complete(PIPELINE('  // a comment about method|'))).toEqual([]);
    expect(await complete(PIPELINE('  seed = 1\n  variants = 2 # variants|'))).toEqual([]);
    expect(await complete('pipeline "scr|" {\n}\n')).toEqual([]);
  });
});
