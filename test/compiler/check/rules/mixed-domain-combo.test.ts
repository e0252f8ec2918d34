import { describe, expect, test } from 'vitest';
import { check, pipeline, summary } from '../support.js';

/** Input with both text and feature columns; `typo` (text) is declared by `pipeline()`. */
function mixed(body: string): string {
  return pipeline(body).replace('text = ["text"]', 'text = ["text"]  features = ["x", "y"]');
}

const NOISE = '  method n = gaussian_noise()';
const MASK = '  method mask = feature_mask(p_m = 0.2)';
const CMD = '  method up = command("tr a-z A-Z")';

function run(text: string): { codes: string[]; messages: string[]; help: string[] } {
  const { diagnostics } = check(text);
  const mine = diagnostics.filter((d) => d.code === 'AUG2126');
  return {
    codes: summary(diagnostics, { 'main.aug': text }),
    messages: mine.map((d) => d.message),
    help: mine.map((d) => d.help ?? ''),
  };
}

describe('mixed-domain-combo', () => {
  test('singletons, pure combos and excluded mixed pairs pass', () => {
    for (const body of [
      `${NOISE}\n  combos { up_to = 1 }`,
      `${NOISE}\n${MASK}\n  combos { list = [typo, n, n + mask] }`,
      `${NOISE}\n  combos {\n    up_to = 2\n    exclude = [typo + n]\n  }`,
      `${NOISE}\n${MASK}\n  combos {\n    all = true\n    exclude = [typo + n, typo + mask]\n  }`,
      `${NOISE}\n  combos {\n    list = [typo, n, typo + n]\n    exclude = [typo + n]\n  }`,
      `${NOISE}\n`,
    ]) {
      const text = mixed(body);
      expect(check(text).diagnostics, body).toEqual([]);
    }
  });

  test('a listed combo that mixes is reported at that combo', () => {
    const text = mixed(`${NOISE}\n  combos { list = [typo, n, typo + n] }`);
    const got = run(text);
    expect(got.codes).toEqual(['AUG2126@main.aug:6:29']);
    expect(got.messages).toEqual([
      'combo `typo + n` mixes tabular method `n` with text method `typo`',
    ]);
  });

  test('a command method mixed with a tabular method is reported too', () => {
    const text = mixed(`${NOISE}\n${CMD}\n  combos { list = [n + up, typo + up] }`);
    const got = run(text);
    expect(got.codes).toEqual(['AUG2126@main.aug:7:20']);
    expect(got.messages).toEqual([
      'combo `n + up` mixes tabular method `n` with command method `up`',
    ]);
  });

  test('up_to and all report once at the combos block, with the pairs to exclude', () => {
    const upTo = mixed(`${NOISE}\n${MASK}\n  combos { up_to = 2 }`);
    const got = run(upTo);
    expect(got.codes).toEqual(['AUG2126@main.aug:7:3']);
    expect(got.messages).toEqual([
      '`up_to = 2` selects combos that mix tabular and text methods, such as `typo + n`',
    ]);
    expect(got.help[0]).toContain('`exclude = [typo + n, typo + mask]`');
    expect(got.help[0]).toContain('`list = [...]`');
    const all = mixed(`${NOISE}\n  combos {\n    all = true\n    exclude = [typo + spell]\n  }`);
    expect(run(all).codes).toContain('AUG2126@main.aug:6:3');
  });

  test('a partial exclusion still leaves a mixed pair to report', () => {
    const text = mixed(
      `${NOISE}\n${MASK}\n  combos {\n    up_to = 3\n    exclude = [typo + n]\n  }`,
    );
    const got = run(text);
    expect(got.codes).toEqual(['AUG2126@main.aug:7:3']);
    expect(got.messages[0]).toContain('such as `typo + mask`');
  });

  test('size = k looks for a combo of exactly k methods that survives the exclusions', () => {
    const base = `${NOISE}\n${MASK}\n  method swap = random_word(action = swap, aug_p = 0.1)`;
    // Every 3-combo holds typo or swap together with n or mask: reported.
    const open = mixed(`${base}\n  combos { size = 3 }`);
    expect(run(open).codes).toEqual(['AUG2126@main.aug:8:3']);
    // Excluding both text methods with each tabular one leaves no mixed 3-combo.
    const closed = mixed(
      `${base}\n  combos {\n    size = 3\n    exclude = [typo + n, typo + mask, swap + n, swap + mask]\n  }`,
    );
    expect(run(closed).codes).toEqual([]);
    // Excluding `n` and `mask` together removes the only pure-tabular pair, not the mixed triples.
    const partly = mixed(`${base}\n  combos {\n    size = 3\n    exclude = [n + mask]\n  }`);
    expect(run(partly).messages).toEqual([
      '`size = 3` selects combos that mix tabular and text methods, such as `typo + n + swap`',
    ]);
  });

  test('a text-only sweep is never reported', () => {
    const text = pipeline('  method spell = spelling(aug_p = 0.1)\n  combos { all = true }');
    expect(run(text).codes).toEqual([]);
  });
});
