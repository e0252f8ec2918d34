import { describe, expect, it } from 'vitest';
import { lowerToIr } from '../../../compiler/ir/lower-to-ir.js';
import type { PipelineAst } from '../../../compiler/ast/types.js';
import {
  GiB,
  command,
  fakeLookup,
  loc,
  lower,
  pipeline,
  resources,
  span,
  stdlib,
} from '../plan/ast-builder.js';

const lowerRaw = (ast: PipelineAst) => lowerToIr(ast, { findMethod: fakeLookup });
const one = [stdlib('syn', 'wordnet_synonym')];

describe('lowerToIr defaults', () => {
  it('fills every pipeline default', () => {
    const ir = lower(pipeline({ methods: one }));
    expect(ir.seed).toBe(42);
    expect(ir.variants).toBe(1);
    expect(ir.maxTasks).toBe(100_000);
    expect(ir.quality).toEqual({ measure: 'chrf', min: 0, max: 1 });
    expect(ir.chunk).toEqual({ mode: 'count', count: 1 });
    expect(ir.resources).toEqual({ cpus: 1, memoryBytes: 2 * GiB, gpus: 0, walltimeSeconds: 3600 });
    expect(ir.output).toEqual({ uri: 'out/aug', format: 'parquet' });
    expect(ir.input.format).toBe('csv');
    expect(ir.input.onBadRow).toBe('fail');
    expect(ir.retry).toEqual({
      attempts: 1,
      backoff: { kind: 'exponential', baseSeconds: 10, maxSeconds: 300, factor: 2 },
      on: [{ kind: 'preempted' }, { kind: 'node_fail' }],
      escalate: [],
    });
  });

  it('keeps values the pipeline sets', () => {
    const ir = lower(
      pipeline({
        methods: one,
        seed: loc(7),
        variants: loc(3),
        maxTasks: loc(500),
        quality: { measure: loc('jaccard'), min: loc(0.5), span },
        chunk: { kind: 'rows', rows: loc(1000), span },
        output: { uri: loc('s3://b/p'), format: loc('csv'), span },
      }),
    );
    expect([ir.seed, ir.variants, ir.maxTasks]).toEqual([7, 3, 500]);
    expect(ir.quality).toEqual({ measure: 'jaccard', min: 0.5, max: 1 });
    expect(ir.chunk).toEqual({ mode: 'rows', rows: 1000 });
    const cased = (value: boolean) =>
      lower(pipeline({ methods: one, quality: { caseSensitive: loc(value), span } })).quality;
    expect(cased(true)).toEqual({ measure: 'chrf', min: 0, max: 1, caseSensitive: true });
    // `false` is the default: the plan stays what it was before the attribute existed.
    expect(cased(false)).toEqual({ measure: 'chrf', min: 0, max: 1 });
    // `min_kept` is recorded only when written: the default (DEFAULTS.quality.minKept) applies at merge.
    const kept = lower(pipeline({ methods: one, quality: { minKept: loc(0.3), span } })).quality;
    expect(kept).toEqual({ measure: 'chrf', min: 0, max: 1, minKept: 0.3 });
    expect(ir.output).toEqual({ uri: 's3://b/p', format: 'csv' });
  });

  it.each([
    ['data/x.jsonl', 'jsonl'],
    ['data/x.ndjson', 'jsonl'],
    ['s3://bucket/x.parquet', 'parquet'],
    ['data/x.CSV.gz', 'csv'],
    ['data/x.pq?version=2', 'parquet'],
  ])('infers the format of %s', (uri, format) => {
    const ast = pipeline({ methods: one });
    ast.input = { ...ast.input!, uri: loc(uri) };
    expect(lower(ast).input.format).toBe(format);
  });

  it('prefers an explicit input format and reports an unknown extension', () => {
    const ast = pipeline({ methods: one });
    ast.input = { ...ast.input!, uri: loc('data/x.txt'), format: loc('jsonl') };
    expect(lower(ast).input.format).toBe('jsonl');
    ast.input = { ...ast.input, uri: loc('data/x.txt') };
    delete ast.input.format;
    const r = lowerRaw(ast);
    expect(r.value).toBeUndefined();
    expect(r.diagnostics.map((d) => d.code)).toEqual(['AUG3002']);
    expect(r.diagnostics[0]!.message).toContain('data/x.txt');
  });

  it('carries the input column roles', () => {
    const ast = pipeline({ methods: one });
    ast.input = {
      ...ast.input!,
      id: loc('sid'),
      label: loc('y'),
      features: [loc('age')],
      keep: [loc('k')],
      protect: [loc('p')],
      protectKeywords: [loc('DSM-5')],
      onBadRow: loc('skip'),
    };
    expect(lower(ast).input).toEqual({
      uri: 'data/in.csv',
      format: 'csv',
      id: 'sid',
      text: ['text'],
      features: ['age'],
      label: 'y',
      keep: ['k'],
      protect: ['p'],
      protectKeywords: ['DSM-5'],
      onBadRow: 'skip',
    });
  });

  it('produces plain JSON', () => {
    const ir = lower(
      pipeline({ methods: [...one, command('mlm', ['python', 'm.py'], { gpus: 1 })] }),
    );
    expect(JSON.parse(JSON.stringify(ir))).toEqual(ir);
  });
});

describe('lowerToIr parameters', () => {
  it('fills method defaults and keeps user values', () => {
    const ir = lower(pipeline({ methods: [stdlib('syn', 'wordnet_synonym', { aug_p: 0.2 })] }));
    expect(ir.methods[0]).toMatchObject({
      id: 'syn',
      kind: 'stdlib',
      method: 'wordnet_synonym',
      params: { aug_p: 0.2, aug_min: 1, aug_max: 10 },
    });
  });

  it('resolves an alias: alias defaults override method defaults, user values override both', () => {
    const ir = lower(pipeline({ methods: [stdlib('syn', 'nlp_wordnet_syn', { aug_min: 2 })] }));
    expect(ir.methods[0]!.method).toBe('wordnet_synonym');
    expect(ir.methods[0]!.params).toEqual({ aug_p: 0.1, aug_min: 2, aug_max: null });
    const user = lower(pipeline({ methods: [stdlib('syn', 'nlp_wordnet_syn', { aug_p: 0.5 })] }));
    expect(user.methods[0]!.params['aug_p']).toBe(0.5);
  });

  it('reports what the checks should have caught as AUG3002', () => {
    const unknown = lowerRaw(pipeline({ methods: [stdlib('x', 'no_such_method')] }));
    expect(unknown.diagnostics.map((d) => d.code)).toEqual(['AUG3002']);
    const missing = lowerRaw(pipeline({ methods: [stdlib('r', 'replace_words')] }));
    expect(missing.diagnostics[0]).toMatchObject({ code: 'AUG3002', severity: 'error' });
    expect(missing.diagnostics[0]!.message).toContain('`words`');
    const ok = lower(pipeline({ methods: [stdlib('r', 'replace_words', { words: ['a', 'b'] })] }));
    expect(ok.methods[0]!.params['words']).toEqual(['a', 'b']);
  });

  it('reports an IR that fails its schema as AUG3001', () => {
    const r = lowerRaw(pipeline({ methods: one, variants: loc(0) }));
    expect(r.value).toBeUndefined();
    expect(r.diagnostics.map((d) => d.code)).toEqual(['AUG3001']);
    expect(r.diagnostics[0]!.notes!.join('\n')).toContain('/variants');
  });
});

describe('lowerToIr resources', () => {
  it('overrides defaults with the pipeline and the pipeline with the method, per key', () => {
    const ir = lower(
      pipeline({
        resources: resources({ memoryBytes: 4 * GiB, queue: 'short' }),
        methods: [
          stdlib('a', 'spelling'),
          stdlib('b', 'spelling', {}, { cpus: 4, walltimeSeconds: 60 }),
        ],
      }),
    );
    expect(ir.methods[0]!.resources).toEqual({
      cpus: 1,
      memoryBytes: 4 * GiB,
      gpus: 0,
      walltimeSeconds: 3600,
      queue: 'short',
    });
    expect(ir.methods[1]!.resources).toEqual({
      cpus: 4,
      memoryBytes: 4 * GiB,
      gpus: 0,
      walltimeSeconds: 60,
      queue: 'short',
    });
  });

  it('rounds fractional memory up to whole bytes', () => {
    const ir = lower(pipeline({ methods: one, resources: resources({ memoryBytes: 0.3 * GiB }) }));
    expect(ir.resources.memoryBytes).toBe(322_122_548);
  });

  it('marks GPU methods: catalogue GPU methods get one GPU unless they set gpus', () => {
    const ir = lower(
      pipeline({
        methods: [
          stdlib('bt', 'back_translation'),
          stdlib('bt0', 'back_translation', {}, { gpus: 0 }),
          command('mlm', ['python', 'mlm.py'], { gpus: 2, gpuType: 'a100' }, 'img:1'),
          command('cmd', ['./x']),
        ],
      }),
    );
    const m = Object.fromEntries(ir.methods.map((x) => [x.id, x]));
    expect([m['bt']!.gpu, m['bt']!.resources.gpus]).toEqual([true, 1]);
    expect([m['bt0']!.gpu, m['bt0']!.resources.gpus]).toEqual([false, 0]);
    expect(m['mlm']).toMatchObject({
      kind: 'command',
      gpu: true,
      argv: ['python', 'mlm.py'],
      image: 'img:1',
      env: { HF_HOME: '/models' },
      passEnv: ['HF_TOKEN'],
      labelSafe: false,
    });
    expect(m['mlm']!.resources).toMatchObject({ gpus: 2, gpuType: 'a100' });
    expect(m['cmd']!.gpu).toBe(false);
  });
});

describe('lowerToIr retry and targets', () => {
  it('fills backoff defaults and keeps conditions and escalation', () => {
    const ir = lower(
      pipeline({
        methods: one,
        retry: {
          attempts: loc(3),
          backoff: { kind: 'exponential', baseSeconds: loc(5), span },
          on: [
            { kind: 'timeout', span },
            { kind: 'exit', code: 137, span },
            { kind: 'signal', signal: 'SIGKILL', span },
          ],
          escalate: [{ resource: loc('memory'), factor: loc(2) }],
          span,
        },
      }),
    );
    expect(ir.retry).toEqual({
      attempts: 3,
      backoff: { kind: 'exponential', baseSeconds: 5, maxSeconds: 300, factor: 2 },
      on: [{ kind: 'timeout' }, { kind: 'exit', code: 137 }, { kind: 'signal', signal: 'SIGKILL' }],
      escalate: [{ resource: 'memory', factor: 2 }],
    });
    const fixed = lower(
      pipeline({
        methods: one,
        retry: {
          backoff: { kind: 'fixed', delaySeconds: loc(30), span },
          on: [],
          escalate: [],
          span,
        },
      }),
    );
    expect(fixed.retry.backoff).toEqual({ kind: 'fixed', delaySeconds: 30 });
    expect(fixed.retry.on).toEqual([{ kind: 'preempted' }, { kind: 'node_fail' }]);
  });

  it('converts target options to plain values', () => {
    const ir = lower(
      pipeline({
        methods: one,
        targets: [
          {
            name: loc('slurm'),
            options: [
              { name: loc('partition'), value: { value: { type: 'string', value: 'gpu' }, span } },
              { name: loc('array_limit'), value: { value: { type: 'number', value: 50 }, span } },
              {
                name: loc('options'),
                value: {
                  value: {
                    type: 'list',
                    items: [{ value: { type: 'symbol', value: '--x' }, span }],
                  },
                  span,
                },
              },
            ],
            span,
          },
        ],
      }),
    );
    expect(ir.targets).toEqual([
      {
        name: 'slurm',
        options: { partition: 'gpu', array_limit: 50, options: ['--x'] },
        origins: { partition: 'pipeline', array_limit: 'pipeline', options: 'pipeline' },
      },
    ]);
  });

  it('records bytes in bytes and durations in seconds, with where each option came from', () => {
    const at = (file: string, start = 0) => ({ file, start, end: start + 1 });
    const option = (name: string, value: number, unit: string, where = span) => ({
      name: loc(name),
      value: { value: { type: 'number' as const, value, unit }, span: where },
    });
    const profileSpan = at('main.aug', 100);
    profileSpan.end = 200;
    const ir = lower({
      ...pipeline({
        methods: one,
        targets: [
          {
            name: loc('slurm'),
            options: [
              option('max_memory', 64, 'GiB'),
              option('max_walltime', 48, 'h', at('main.aug', 150)),
              {
                name: loc('partition'),
                value: {
                  value: { type: 'string', value: 'a' },
                  span: at('<env AUGC_SLURM_PARTITION>'),
                },
              },
              {
                name: loc('qos'),
                value: { value: { type: 'string', value: 'q' }, span: at('<--set>') },
              },
              {
                name: loc('account'),
                value: { value: { type: 'string', value: 'l' }, span: at('<config /c.yaml>') },
              },
            ],
            span,
          },
        ],
      }),
      profileSpan,
    });
    expect(ir.targets).toEqual([
      {
        name: 'slurm',
        options: {
          max_memory: 64 * GiB,
          max_walltime: 48 * 3600,
          partition: 'a',
          qos: 'q',
          account: 'l',
        },
        origins: {
          max_memory: 'pipeline',
          max_walltime: 'profile',
          partition: 'env AUGC_SLURM_PARTITION',
          qos: '--set',
          account: 'config /c.yaml',
        },
      },
    ]);
  });
});
