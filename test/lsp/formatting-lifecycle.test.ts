/**
 * `augc lsp` document formatting is `augc fmt` (same bytes; a file with syntax errors is refused
 * with the reason), and the server's life: initialize answers with what it can do, exit codes
 * follow the protocol, an editor that goes away ends it, and a terminal is refused.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { EXIT } from '../../cli/exit-codes.js';
import { startLsp, type LspSession } from './lsp-client.js';

const FILE = 'examples/format-scratch.aug';
const MESSY = `// kept comment
pipeline "messy" {
input "data/clinical-sentences.csv" {text=["sentence_text"]}
    method syn=wordnet_synonym( aug_p=0.1 )
  combos {up_to=1}


  output "out/messy" { format=csv }
}
`;

const fmtStdin = (text: string): string =>
  execFileSync(process.execPath, ['bin/augc.js', 'fmt', '-'], { input: text, encoding: 'utf8' });

describe('augc lsp: formatting', () => {
  let lsp: LspSession;
  beforeAll(async () => {
    lsp = await startLsp();
  });
  afterAll(async () => {
    expect(await lsp.stop()).toBe(0);
  });

  it('formats a document to the bytes augc fmt writes', async () => {
    await lsp.open(FILE, MESSY);
    const edits = await lsp.format(FILE);
    expect(edits).toHaveLength(1);
    const formatted = TextDocument.applyEdits(TextDocument.create('x', 'aug', 1, MESSY), edits!);
    expect(formatted).toBe(fmtStdin(MESSY));
    expect(formatted).not.toBe(MESSY);
    expect(formatted).toContain('  method syn = wordnet_synonym(aug_p = 0.1)\n');
  });

  it('has nothing to change in a formatted example', async () => {
    await lsp.open('examples/redsm5-sweep.aug');
    expect(await lsp.format('examples/redsm5-sweep.aug')).toEqual([]);
  });

  it('refuses a file with syntax errors and says where the first one is', async () => {
    await lsp.change(FILE, 'pipeline "x" {\n  seed = \n}\n');
    await expect(lsp.format(FILE)).rejects.toThrow(
      /augc fmt cannot format `.*format-scratch\.aug`: 2:9: expected a value after `=`/,
    );
  });
});

describe('augc lsp: lifecycle', () => {
  it('exits 0 after shutdown and exit, 1 after exit alone', async () => {
    const polite = await startLsp();
    expect(await polite.stop()).toBe(0);
    const abrupt = await startLsp();
    expect(await abrupt.stop({ shutdown: false })).toBe(1);
  });

  it('ends when the editor closes its input', async () => {
    const lsp = await startLsp();
    expect(await lsp.hangUp()).toBe(1);
  });

  it('refuses to run on a terminal (AUG5140, exit 64)', () => {
    const run = spawnSync('script', ['-qec', `${process.execPath} bin/augc.js lsp`, '/dev/null'], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
      input: '',
    });
    expect(run.stdout).toContain('error[AUG5140]: `augc lsp` speaks the Language Server Protocol');
    expect(run.status).toBe(EXIT.usage);
  });
});
