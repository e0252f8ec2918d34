/**
 * Completion and hover at many cursor positions, in-process (the spawned tests cover the
 * protocol): every block's statements, values, units and calls, aliases' own defaults, and the
 * block descriptions held to the compiler's lists.
 */
import { describe, expect, it } from 'vitest';
import { BODY_KEYWORDS } from '../../compiler/ast/build-pipeline.js';
import { parseSource } from '../../compiler/syntax/parse-source.js';
import { statementsOf } from '../../lsp/block-docs.js';
import { completeAt } from '../../lsp/completion.js';
import { hoverAt } from '../../lsp/hover.js';

const labelsAt = (marked: string, methods: string[] = []): string[] => {
  const offset = marked.indexOf('|');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  return completeAt({
    path: '/nowhere/x.aug',
    text,
    offset,
    methods,
    listDir: () => [],
    range: () => ({ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }),
  }).map((i) => i.label);
};

const hoverAtBar = (marked: string): string | undefined => {
  const offset = marked.indexOf('|');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  return hoverAt(parseSource('/nowhere/x.aug', text).value!, offset)?.markdown;
};

const inPipeline = (body: string) => `pipeline "p" {\n${body}\n}\n`;

describe('completion sites', () => {
  it('offers the top level of a main file, and a fragment both levels', () => {
    expect(labelsAt(`|\n${inPipeline('')}`)).toEqual(['include', 'import', 'pipeline']);
    const fragment = labelsAt('|');
    expect(fragment).toEqual(expect.arrayContaining(['pipeline', 'method', 'target', 'profile']));
    expect(labelsAt(inPipeline('  profile big {\n    |\n  }'))).toEqual(
      expect.arrayContaining(['variants', 'chunk', 'resources']),
    );
  });

  it('follows a command method into its block and its env', () => {
    const block = inPipeline('  method m = command("x") {\n    |\n  }');
    expect(labelsAt(block)).toEqual(['image', 'io', 'pass_env', 'env', 'resources']);
    expect(labelsAt(inPipeline('  method m = command("x") {\n    io = |\n  }'))).toEqual([
      'files',
      'stdio',
    ]);
    expect(
      labelsAt(inPipeline('  method m = command("x") {\n    env {\n      |\n    }\n  }')),
    ).toEqual([]);
    expect(labelsAt(inPipeline('  method s = spelling() {\n    |\n  }'))).toEqual(['resources']);
  });

  it('knows retry: conditions, backoff calls and their arguments, escalation factors', () => {
    expect(labelsAt(inPipeline('  retry {\n    |\n  }'))).toEqual([
      'attempts',
      'backoff',
      'on',
      'escalate',
    ]);
    expect(labelsAt(inPipeline('  retry {\n    backoff = |\n  }'))).toEqual([
      'fixed',
      'exponential',
    ]);
    expect(labelsAt(inPipeline('  retry {\n    backoff = exponential(10s, |)\n  }'))).toEqual([
      'max',
      'factor',
    ]);
    expect(labelsAt(inPipeline('  retry {\n    backoff = exponential(10|)\n  }'))).toEqual([
      'ms',
      's',
      'm',
      'h',
      'd',
    ]);
    expect(labelsAt(inPipeline('  retry {\n    on = [exit(137), sig|]\n  }'))).toContain('signal');
    expect(
      labelsAt(inPipeline('  retry {\n    escalate {\n      memory = 2|\n    }\n  }')),
    ).toEqual(['x']);
  });

  it('completes values of the input and output blocks', () => {
    expect(labelsAt(inPipeline('  input "d.csv" {\n    on_bad_row = |\n  }'))).toEqual([
      'fail',
      'skip',
    ]);
    expect(labelsAt(inPipeline('  output "o" {\n    format = |\n  }'))).toEqual([
      'parquet',
      'csv',
      'jsonl',
    ]);
  });

  it('uses the methods a check found, with those written in the file', () => {
    const text = inPipeline('  method a = spelling()\n  combos {\n    order = [|]\n  }');
    expect(labelsAt(text, ['from_yaml']).sort()).toEqual(['a', 'from_yaml']);
  });

  it('offers nothing where nothing is known', () => {
    expect(labelsAt(inPipeline('  target nowhere {\n    |\n  }'))).toEqual([]);
    expect(labelsAt(inPipeline('  mystery {\n    |\n  }'))).toEqual([]);
    expect(labelsAt(inPipeline('  seed = 4|'))).toEqual([]);
    expect(labelsAt(inPipeline('  method a = nosuch(|)'))).toEqual([]);
    expect(labelsAt(inPipeline('  method a = "|"'))).toEqual([]);
    expect(labelsAt(inPipeline('  method a = command("python |")'))).toEqual([]);
  });
});

describe('hover sites', () => {
  it("shows an alias with the parameters it sets, and the alias's own default", () => {
    const method = hoverAtBar(inPipeline('  method s = nlp_randchar_s|wap()'));
    expect(method).toContain(
      '`nlp_randchar_swap` is an alias of `random_char` that sets `action = "swap"`',
    );
    const param = hoverAtBar(inPipeline('  method s = nlp_randchar_swap(act|ion = insert)'));
    expect(param).toContain('**`action`** (enum) of `nlp_randchar_swap`');
    expect(param).toContain('- default: `swap`');
  });

  it('explains keywords of every level and the command method', () => {
    expect(hoverAtBar(`inc|lude "a.aug"\n${inPipeline('')}`)).toContain('splice the statements');
    expect(
      hoverAtBar(inPipeline('  retry {\n    escalate {\n      mem|ory = 2x\n    }\n  }')),
    ).toContain('memory multiplier per retry');
    expect(hoverAtBar(inPipeline('  method m = comm|and("x")'))).toContain('### `command`');
    expect(hoverAtBar(inPipeline('  me|thod m = command("x")'))).toContain('(method-call)');
  });

  it('says a method named in combos is not declared when no check knows it', () => {
    expect(hoverAtBar(inPipeline('  combos {\n    list = [gh|ost]\n  }'))).toBe(
      'method `ghost` (not declared)',
    );
  });
});

describe('block descriptions', () => {
  it('describe every keyword a pipeline body takes, and only those', () => {
    expect(Object.keys(statementsOf('pipeline')).sort()).toEqual([...BODY_KEYWORDS].sort());
  });
});
