import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { resolveCommandArgv } from '../../../compiler/ast/resolve-command-paths.js';
import { compileFile } from '../../../compiler/compile.js';
import { probeInput } from '../../../engine/probe-input.js';

const CWD = '/home/u/project';
// What exists next to pipelines/main.aug.
const EXISTING = new Set([
  '/home/u/project/pipelines/tools/x.py',
  '/home/u/project/pipelines/vocab.txt',
  '/home/u/project/pipelines/models',
]);
const exists = (p: string): boolean => EXISTING.has(p);
const argvOf = (argv: string[], file = 'pipelines/main.aug'): string[] =>
  resolveCommandArgv(argv, file, CWD, exists);

describe('resolveCommandArgv', () => {
  test('a program with a slash is relative to the pipeline file, stored relative to the plan directory', () => {
    expect(argvOf(['tools/run.sh', '--k', 'v'])).toEqual(['pipelines/tools/run.sh', '--k', 'v']);
    expect(argvOf(['../bin/run'])).toEqual(['bin/run']);
    expect(argvOf(['./run.sh'], 'main.aug')).toEqual(['./run.sh']);
  });

  test('a program without a slash is looked up in PATH, as written', () => {
    expect(argvOf(['python3', 'tools/x.py'])).toEqual(['python3', 'pipelines/tools/x.py']);
    expect(argvOf(['x.py'])).toEqual(['x.py']);
  });

  test('arguments are paths when they name something that exists next to the pipeline', () => {
    expect(argvOf(['python3', 'tools/x.py', 'vocab.txt', 'models', 'roberta-base'])).toEqual([
      'python3',
      'pipelines/tools/x.py',
      'pipelines/vocab.txt',
      'pipelines/models',
      'roberta-base',
    ]);
    // A path that exists only inside a container image stays as written.
    expect(argvOf(['python', 'tools/mlm_sub.py'])).toEqual(['python', 'tools/mlm_sub.py']);
  });

  test('flags, placeholders, absolute paths and URIs are never rewritten', () => {
    const words = ['run', '-vocab.txt', '{input}', '/opt/x.py', 's3://b/k', '--out={output}'];
    const loose = (): boolean => true;
    expect(resolveCommandArgv(words, 'pipelines/main.aug', CWD, loose)).toEqual([
      'run',
      '-vocab.txt',
      '{input}',
      '/opt/x.py',
      's3://b/k',
      '--out={output}',
    ]);
    expect(argvOf(['/usr/bin/python3', 'tools/x.py'])).toEqual([
      '/usr/bin/python3',
      'pipelines/tools/x.py',
    ]);
  });

  test('a program from a YAML catalogue is relative to the YAML file', () => {
    expect(argvOf(['tools/x.py'], 'pipelines/conf/methods.yaml')).toEqual([
      'pipelines/conf/tools/x.py',
    ]);
  });
});

describe('compileFile and command paths', () => {
  test('the plan holds the program relative to the working directory, whichever it is', async () => {
    const root = mkdtempSync(join(tmpdir(), 'augc-cmdpath-'));
    mkdirSync(join(root, 'p', 'tools'), { recursive: true });
    writeFileSync(join(root, 'p', 'tools', 'up.py'), '');
    writeFileSync(join(root, 'p', 'in.csv'), 'id,text\n1,a b\n');
    writeFileSync(
      join(root, 'p', 'main.aug'),
      `pipeline "p" {
  input "in.csv" { id = "id"  text = ["text"] }
  method up = command("python3 tools/up.py --seed {seed}") { io = stdio }
  chunk { count = 1 }
  output "out"
}
`,
    );
    const fromRoot = await compileFile(join(root, 'p', 'main.aug'), { probeInput, cwd: root });
    expect(fromRoot.diagnostics).toEqual([]);
    expect(fromRoot.plan?.methods[0]).toMatchObject({
      argv: ['python3', 'p/tools/up.py', '--seed', '{seed}'],
      io: 'stdio',
    });
    const fromInside = await compileFile(join(root, 'p', 'main.aug'), {
      probeInput,
      cwd: join(root, 'p'),
    });
    expect(fromInside.plan?.methods[0]?.argv).toEqual([
      'python3',
      'tools/up.py',
      '--seed',
      '{seed}',
    ]);
    expect(JSON.stringify(fromRoot.plan)).not.toContain(root);
  });
});
