import { describe, expect, test } from 'vitest';
import { check, pipeline, spanText, summary } from '../support.js';

describe('retry-conditions', () => {
  test('exit codes 1..255 and signals that end a process pass', () => {
    const body =
      '  retry { attempts = 2  on = [exit(1), exit(255), signal(KILL), signal(SIGTERM), oom] }';
    expect(check(pipeline(body)).diagnostics).toEqual([]);
  });

  test('conditions that can never match are reported at the condition', () => {
    const text = pipeline(
      '  retry { attempts = 2  on = [exit(0), exit(999), signal(SIGKILLL), signal(9), signal(STOP)] }',
    );
    const files = { 'main.aug': text };
    const { diagnostics } = check(text);
    expect(summary(diagnostics, files)).toEqual([
      'AUG2127@main.aug:5:31',
      'AUG2127@main.aug:5:40',
      'AUG2127@main.aug:5:51',
      'AUG2127@main.aug:5:69',
      'AUG2127@main.aug:5:80',
    ]);
    expect(spanText(diagnostics[1]!, files)).toBe('exit(999)');
    expect(diagnostics.map((d) => d.message)).toEqual([
      '`exit(0)` can never match: a failed process exits with a code from 1 to 255',
      '`exit(999)` can never match: a failed process exits with a code from 1 to 255',
      '`SIGKILLL` is not a signal that ends a process',
      '`signal(9)` can never match: signals are matched by name',
      '`SIGSTOP` is not a signal that ends a process',
    ]);
    expect(diagnostics[0]!.help).toBe('exit code 0 is success, which is never retried');
    expect(diagnostics[2]!.help).toMatch(/^did you mean `SIGKILL`/);
  });
});
