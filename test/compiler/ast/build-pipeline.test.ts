import { describe, expect, test } from 'vitest';
import { check, loadFiles, pipeline, spanText, summary } from '../check/support.js';

describe('building the typed AST', () => {
  test('the issue example builds and checks clean', () => {
    const text = [
      'pipeline "redsm5-sweep" {',
      '  seed = 42',
      '  input "data/sentences.csv" { format = csv  id = "sentence_id"  text = ["sentence_text"]',
      '                               keep = ["DSM5_symptom", "status"]  protect = ["evidence"] }',
      '  method syn   = wordnet_synonym(aug_p = 0.1, aug_max = 10)',
      '  method typo  = keyboard_typo(aug_char_p = 0.05)',
      '  method spell = spelling(aug_p = 0.1)',
      '  method mlm   = command("python tools/mlm_sub.py --model roberta-base") {',
      '    image = "ghcr.io/lab/aug-gpu:1.4"',
      '    resources { gpus = 1  cpus = 4  memory = 16GiB  walltime = 2h }',
      '  }',
      '  combos   { up_to = 2  exclude = [mlm + typo] }',
      '  variants = 2',
      '  quality  { measure = chrf  min = 0.55  max = 0.95 }',
      '  chunk    { rows = 50_000 }',
      '  resources { cpus = 1  memory = 2GiB  walltime = 30m }',
      '  retry    { attempts = 3  backoff = exponential(10s, max = 5m)  on = [preempted, timeout, exit(137)] }',
      '  output "out/augsets" { format = parquet }',
      '  target slurm     { partition = "compute"  account = "lab"  array_limit = 50 }',
      '  target aws-batch { queue = "aug-gpu"  region = "us-east-1" }',
      '}',
    ].join('\n');
    const { ast, diagnostics } = check(text);
    expect(diagnostics).toEqual([]);
    expect(ast).toMatchObject({
      name: { value: 'redsm5-sweep' },
      seed: { value: 42 },
      variants: { value: 2 },
      input: { format: { value: 'csv' }, keep: [{ value: 'DSM5_symptom' }, { value: 'status' }] },
      combos: { selection: { kind: 'up_to', k: { value: 2 } } },
      quality: { measure: { value: 'chrf' }, min: { value: 0.55 } },
      chunk: { kind: 'rows', rows: { value: 50_000 } },
      retry: {
        attempts: { value: 3 },
        backoff: { kind: 'exponential', baseSeconds: { value: 10 }, maxSeconds: { value: 300 } },
      },
      output: { format: { value: 'parquet' } },
    });
    expect(ast!.retry!.on.map((c) => c.kind)).toEqual(['preempted', 'timeout', 'exit']);
    expect(ast!.combos!.exclude[0]!.methods.map((m) => m.value)).toEqual(['mlm', 'typo']);
  });

  test('unknown statements and attributes get did-you-mean', () => {
    const text = pipeline('  variant = 2\n  quality { mesure = chrf }');
    const files = { 'main.aug': text };
    const { diagnostics } = check(text);
    expect(summary(diagnostics, files)).toEqual(['AUG2001@main.aug:5:3', 'AUG2002@main.aug:6:13']);
    expect(diagnostics[0]!.help).toBe('did you mean `variants`?');
    expect(diagnostics[1]!.help).toBe('did you mean `measure`?');
  });

  test('quality takes case_sensitive, a boolean', () => {
    const { ast, diagnostics } = check(pipeline('  quality { case_sensitive = true }'));
    expect(diagnostics).toEqual([]);
    expect(ast!.quality!.caseSensitive?.value).toBe(true);
    const wrong = check(pipeline('  quality { case_sensitive = 1 }')).diagnostics;
    expect(wrong.map((d) => d.code)).toEqual(['AUG2004']);
  });

  test('quality takes min_kept, a number', () => {
    const { ast, diagnostics } = check(pipeline('  quality { min_kept = 0.25 }'));
    expect(diagnostics).toEqual([]);
    expect(ast!.quality!.minKept?.value).toBe(0.25);
    const wrong = check(pipeline('  quality { min_kept = true }')).diagnostics;
    expect(wrong.map((d) => d.code)).toEqual(['AUG2004']);
  });

  test('duplicate singletons point at the first definition', () => {
    const text = pipeline('  seed = 1\n  seed = 2\n  chunk { rows = 1  rows = 2 }');
    const { diagnostics } = check(text);
    expect(summary(diagnostics, { 'main.aug': text })).toEqual([
      'AUG2003@main.aug:6:3',
      'AUG2003@main.aug:7:21',
    ]);
    expect(diagnostics[0]!.related?.[0]?.message).toBe('first defined here');
  });

  test('wrong value types', () => {
    const text = pipeline('  seed = "42"\n  variants = 1.5\n  method c = command(["python", 1])');
    const files = { 'main.aug': text };
    const { diagnostics } = check(text);
    expect(summary(diagnostics, files, ['AUG2004'])).toEqual([
      'AUG2004@main.aug:5:10',
      'AUG2004@main.aug:6:14',
      'AUG2004@main.aug:7:33',
    ]);
    expect(diagnostics[0]!.message).toBe('`seed` expects a number, found a string');
    expect(spanText(diagnostics[1]!, files)).toBe('1.5');
    expect(diagnostics[1]!.message).toBe('`variants` expects a whole number, found `1.5`');
  });

  test('exclusive attributes', () => {
    const text = pipeline('  combos { up_to = 1  all = true }\n  chunk { rows = 5  count = 2 }');
    expect(summary(check(text).diagnostics, { 'main.aug': text })).toEqual([
      'AUG2017@main.aug:5:23',
      'AUG2017@main.aug:6:21',
    ]);
  });

  test('retry conditions, backoff and escalation', () => {
    const text = pipeline(
      '  retry { backoff = fixed(30s)  on = [oom, signal(KILL), exit(1), preemptd]  escalate { memory = 2x } }',
    );
    const { ast, diagnostics } = check(text);
    expect(summary(diagnostics, { 'main.aug': text })).toEqual(['AUG2009@main.aug:5:67']);
    expect(diagnostics[0]!.help).toBe('did you mean `preempted`?');
    expect(ast!.retry!.on).toMatchObject([
      { kind: 'oom' },
      { kind: 'signal', signal: 'SIGKILL' },
      { kind: 'exit', code: 1 },
    ]);
    expect(ast!.retry!.backoff).toMatchObject({ kind: 'fixed', delaySeconds: { value: 30 } });
    expect(ast!.retry!.escalate).toMatchObject([
      { resource: { value: 'memory' }, factor: { value: 2 } },
    ]);
  });

  test('a command method declares how its rows travel: `io = files` (default) or `stdio`', () => {
    const text = pipeline(
      [
        '  method a = command("python3 a.py")',
        '  method b = command("python3 b.py") { io = stdio }',
        '  method c = command("python3 c.py {output}") { io = stdio }',
        '  method d = command("python3 d.py") { io = pipe }',
      ].join('\n'),
    );
    const { ast, diagnostics } = check(text);
    expect(summary(diagnostics, { 'main.aug': text })).toEqual([
      'AUG2129@main.aug:7:22',
      'AUG2009@main.aug:8:45',
    ]);
    expect(diagnostics[0]!.related?.[0]?.message).toBe('`io = stdio` set here');
    expect(diagnostics[1]!.help).toBe('expected one of `files`, `stdio`');
    const io = ast!.methods.map((m) => (m.kind === 'command' ? m.io?.value : 'stdlib'));
    expect(io).toEqual(['stdlib', undefined, 'stdio', 'stdio', undefined]);
    const yaml = {
      'main.aug': pipeline('  import "m.yaml"'),
      'm.yaml': 'methods:\n  - id: up\n    command: tools/up.sh\n    io: stdio\n',
    };
    const imported = loadFiles(yaml).value!.methods.find((m) => m.name.value === 'up');
    expect(imported?.kind === 'command' && imported.io?.value).toBe('stdio');
  });

  test('a missing input, output or pipeline', () => {
    const files = { 'main.aug': 'pipeline "p" {\n  method s = spelling()\n}\n' };
    expect(summary(loadFiles(files).diagnostics, files)).toEqual([
      'AUG2007@main.aug:1:10',
      'AUG2007@main.aug:1:10',
    ]);
    const empty = { 'main.aug': '// nothing\n' };
    expect(summary(loadFiles(empty).diagnostics, empty)).toEqual(['AUG2007@main.aug:1:1']);
  });
});
