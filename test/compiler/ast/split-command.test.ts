import { describe, expect, test } from 'vitest';
import { splitCommand } from '../../../compiler/ast/index.js';
import { check, pipeline, summary } from '../check/support.js';

describe('splitCommand', () => {
  test('blanks separate words', () => {
    expect(splitCommand('  python  tools/x.py --model roberta-base ')).toEqual({
      ok: true,
      argv: ['python', 'tools/x.py', '--model', 'roberta-base'],
    });
  });

  test('quotes and backslashes, never expansion', () => {
    expect(splitCommand(`sh -c 'echo $HOME' "a \\"b\\" c" d\\ e "\\n" x'y'z`)).toEqual({
      ok: true,
      argv: ['sh', '-c', 'echo $HOME', 'a "b" c', 'd e', '\\n', 'xyz'],
    });
    expect(splitCommand(`'' ""`)).toEqual({ ok: true, argv: ['', ''] });
  });

  test('unbalanced quotes and a trailing backslash are errors', () => {
    expect(splitCommand(`python "x.py`)).toEqual({ ok: false, error: 'unbalanced double quote' });
    expect(splitCommand(`python 'x.py`)).toEqual({ ok: false, error: 'unbalanced single quote' });
    expect(splitCommand('python \\')).toEqual({ ok: false, error: 'trailing backslash' });
  });

  test('command methods: string and list forms, and quoting errors as AUG2016', () => {
    const ok = check(
      pipeline(
        '  method a = command("python \'my tool.py\'")\n  method b = command(["python", "x.py"])',
      ),
    );
    expect(ok.diagnostics).toEqual([]);
    const argv = ok.ast!.methods.map((m) => (m.kind === 'command' ? m.argv.value : []));
    expect(argv).toEqual([[], ['python', 'my tool.py'], ['python', 'x.py']]);
    const text = pipeline('  method a = command("python \'x.py")\n  method b = command("   ")');
    expect(summary(check(text).diagnostics, { 'main.aug': text })).toEqual([
      'AUG2016@main.aug:5:22',
      'AUG2016@main.aug:6:22',
    ]);
  });
});
