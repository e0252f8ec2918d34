/**
 * Security on the local target (issue 5 §3): no shell injection through pipeline or data values,
 * no writing outside the run's output, no secrets in anything a run writes, a `command` method's
 * environment limited to what the pipeline declares, and run folders that are not group- or
 * world-writable. The Slurm side is in test/runtimes/slurm/injection.test.ts and
 * test/runtimes/slurm/security.test.ts.
 */
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planHashOf } from '../../compiler/plan/canonical-json.js';
import { augc, filesUnder } from './spawn-augc.js';

/** Each payload, if any shell ever ran it, would create `<base>/pwned-<n>`. */
function payloads(base: string): string[] {
  const p = (n: number): string => join(base, `pwned-${n}`);
  return [
    `$(touch ${p(1)})`,
    `\`touch ${p(2)}\``,
    `x; touch ${p(3)}`,
    `x && touch ${p(4)}`,
    `x\ntouch ${p(5)}`,
    `'"; touch ${p(6)}; echo "'`,
    `x | touch ${p(7)}`,
    `\uff04(touch ${p(8)})`, // a fullwidth dollar sign: a look-alike
  ];
}

function pwned(base: string): string[] {
  return readdirSync(base).filter((f) => f.startsWith('pwned'));
}

/** A .aug string literal for any text. */
function lit(text: string): string {
  return JSON.stringify(text);
}

// Writes the argv it got, and for each text the text itself, so the test can compare exactly.
const ECHO = `
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
const [log, ...args] = process.argv.slice(2);
appendFileSync(log, JSON.stringify({ args, env: Object.keys(process.env).sort() }) + '\\n');
const cols = JSON.parse(process.env.AUGC_TEXT_COLUMNS);
const out = readFileSync(process.env.AUGC_INPUT, 'utf8').split('\\n').filter((l) => l !== '').map((l) => {
  const rec = JSON.parse(l);
  for (const c of cols) rec[c] = rec[c] + ' (seen)';
  return JSON.stringify(rec) + '\\n';
});
writeFileSync(process.env.AUGC_OUTPUT, out.join(''));
`;

describe('no shell injection on the local target', () => {
  it('passes hostile argv, column values, paths and names to a command method literally', async () => {
    const base = mkdtempSync(join(tmpdir(), 'augc-sec-'));
    const evil = payloads(base);
    // Path components cannot hold `/`: payloads that would only run harmless commands.
    const dir = join(base, 'ws $(echo) `echo` ; x && y | z \'"');
    mkdirSync(dir);
    writeFileSync(join(dir, 'echo.mjs'), ECHO);
    const log = join(base, 'seen.jsonl');
    const rows = evil.map((v, i) => `${i + 1},"${v.replaceAll('"', '""')}"`).join('\n');
    const data = 'data $(echo) `echo`;.csv';
    writeFileSync(join(dir, data), `id,text\n${rows}\n`);
    const argv = ['node', join(dir, 'echo.mjs'), log, ...evil];
    writeFileSync(
      join(dir, 'p.aug'),
      `pipeline ${lit(`p ${evil[3]}`)} {
  input ${lit(data)} { id = "id"  text = ["text"]  protect_keywords = [${lit(evil[4]!)}] }
  method echo = command([${argv.map(lit).join(', ')}]) { env { EVIL = ${lit(evil[0]!)} } }
  quality { min = 0  max = 1 }
  output "out" { format = jsonl }
}
`,
    );
    const out = join(dir, 'out $(echo)\nnewline');
    const r = await augc(['run', join(dir, 'p.aug'), '--output', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(pwned(base)).toEqual([]);
    const seen = readFileSync(log, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { args: string[] });
    expect(seen[0]!.args).toEqual(evil);
    const part = readFileSync(join(out, 'combo_1_echo/part-00000.jsonl'), 'utf8');
    const texts = part
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { text: string }).text);
    expect(texts).toEqual(evil.map((v) => `${v} (seen)`));
    // The string form is split like a shell would quote, but never run by one.
    writeFileSync(join(base, 'echo.mjs'), ECHO);
    const stringForm = `node ${join(base, 'echo.mjs')} ${log} '$(touch ${base}/pwned-9)' ; touch ${base}/pwned-10`;
    const aug2 = readFileSync(join(dir, 'p.aug'), 'utf8').replace(
      /command\(\[.*\]\)/,
      `command(${lit(stringForm)})`,
    );
    writeFileSync(join(dir, 'q.aug'), aug2);
    const r2 = await augc(['run', join(dir, 'q.aug'), '--output', join(dir, 'out2')]);
    expect(r2.code, r2.stderr).toBe(0);
    expect(pwned(base)).toEqual([]);
    const last = JSON.parse(readFileSync(log, 'utf8').trim().split('\n').at(-1)!) as {
      args: string[];
    };
    expect(last.args).toEqual([`$(touch ${base}/pwned-9)`, ';', 'touch', `${base}/pwned-10`]);
  });

  it('refuses look-alike and path characters in method names (identifiers are ASCII)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'augc-sec-'));
    writeFileSync(join(dir, 'data.csv'), 'id,text\n1,hello\n');
    for (const name of ['t\u0443po', '../x', 'a/b', 'x;y', '$(x)', 'a\u200bb']) {
      writeFileSync(
        join(dir, 'p.aug'),
        `pipeline "p" {\n  input "data.csv" { text = ["text"] }\n  method ${name} = keyboard_typo()\n}\n`,
      );
      const r = await augc(['check', join(dir, 'p.aug')]);
      expect(r.code, name).toBe(1);
      expect(r.stderr).toMatch(/error\[AUG\d{4}\]/);
    }
  });
});

describe('no path traversal', () => {
  it('a column named like a path is data, not a path: nothing is written outside the output', async () => {
    const base = mkdtempSync(join(tmpdir(), 'augc-sec-'));
    const dir = join(base, 'ws');
    mkdirSync(dir);
    writeFileSync(join(dir, 'data.csv'), 'id,../../escape,/abs\n1,hello there,x\n');
    writeFileSync(
      join(dir, 'p.aug'),
      `pipeline "p" {
  input "data.csv" { id = "id"  text = ["../../escape"]  keep = ["/abs"] }
  method typo = keyboard_typo(aug_char_p = 0.2)
  output "out" { format = csv }
}
`,
    );
    const r = await augc(['run', join(dir, 'p.aug'), '--output', join(dir, 'out')]);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(base)).toEqual(['ws']);
    expect(readdirSync(dir).sort()).toEqual(['data.csv', 'out', 'p.aug']);
    const header = readFileSync(join(dir, 'out/combo_1_typo/part-00000.csv'), 'utf8').split(
      /\r?\n/,
    )[0]!;
    expect(header.split(',')).toEqual(expect.arrayContaining(['id', '../../escape', '/abs']));
  });

  it('a plan whose layout points outside the run (re-hashed, so it loads) writes nothing outside', async () => {
    const base = mkdtempSync(join(tmpdir(), 'augc-sec-'));
    const dir = join(base, 'ws');
    mkdirSync(dir);
    writeFileSync(join(dir, 'data.csv'), 'id,text\n1,hello there\n');
    writeFileSync(
      join(dir, 'p.aug'),
      'pipeline "p" {\n  input "data.csv" { id = "id"  text = ["text"] }\n  method typo = keyboard_typo()\n  output "out" { format = jsonl }\n}\n',
    );
    expect((await augc(['plan', join(dir, 'p.aug'), '-o', join(dir, 'plan.json')])).code).toBe(0);
    const targets = {
      part: ['../escape/{combo}/part-{chunk}.{ext}', `${base}/abs/{combo}-{chunk}.{ext}`],
      context: ['../../escape/{task}.json'],
      meta: ['../escape/{combo}.json'],
      manifest: ['../escape-manifest.csv', '/tmp/escape-manifest.csv'],
    } as const;
    for (const [key, values] of Object.entries(targets)) {
      for (const value of values) {
        const plan = JSON.parse(readFileSync(join(dir, 'plan.json'), 'utf8')) as Record<
          string,
          unknown
        > & {
          layout: Record<string, string>;
        };
        plan.layout[key] = value;
        plan['planHash'] = planHashOf(plan);
        writeFileSync(join(dir, 'bad.json'), JSON.stringify(plan));
        const r = await augc(['run', join(dir, 'bad.json'), '--output', join(dir, 'out')]);
        expect(r.code, `${key}=${value}: ${r.stderr}`).not.toBe(0);
        expect(r.code, r.stderr).not.toBe(70);
        expect(readdirSync(base)).toEqual(['ws']);
        expect(existsSync('/tmp/escape-manifest.csv')).toBe(false);
      }
    }
  });

  it('an output path with a NUL byte is refused, not an internal error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'augc-sec-'));
    writeFileSync(join(dir, 'data.csv'), 'id,text\n1,hello\n');
    writeFileSync(
      join(dir, 'p.aug'),
      'pipeline "p" {\n  input "data.csv" { text = ["text"] }\n  method typo = keyboard_typo()\n  output "out\\u0000/../../x" { format = jsonl }\n}\n',
    );
    const r = await augc(['run', join(dir, 'p.aug')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error[AUG5105]');
    expect(r.stderr).toContain('contains a NUL byte');
    expect(readdirSync(dir).sort()).toEqual(['data.csv', 'p.aug']);
  });
});

const SECRETS = {
  AWS_SECRET_ACCESS_KEY: 'aws-secret-6f1d0c2b9e',
  AUGC_TEST_SECRET: 'augc-test-secret-41d7a',
  HF_TOKEN: 'hf-token-passed-9c3e',
};

/** Files under `root` whose bytes contain any of the values. */
function filesHolding(root: string, values: string[]): string[] {
  return filesUnder(root).filter((f) => {
    const text = readFileSync(join(root, f)).toString('latin1');
    return values.some((v) => text.includes(v));
  });
}

describe('secrets and the environment of a command method', () => {
  it('never writes planted secrets; the program sees declared env, pass_env and identity only', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'augc-sec-'));
    writeFileSync(join(dir, 'echo.mjs'), ECHO);
    writeFileSync(join(dir, 'data.csv'), 'id,text\n1,hello there\n2,good morning\n');
    const log = join(dir, 'seen.jsonl');
    writeFileSync(
      join(dir, 'p.aug'),
      `pipeline "p" {
  input "data.csv" { id = "id"  text = ["text"] }
  method echo = command(["node", ${lit(join(dir, 'echo.mjs'))}, ${lit(log)}]) {
    env { DECLARED = "declared-value" }
    pass_env = ["HF_TOKEN"]
  }
  method typo = keyboard_typo()
  combos { up_to = 2 }
  output "out" { format = jsonl }
}
`,
    );
    const out = join(dir, 'out');
    const r = await augc(['run', join(dir, 'p.aug'), '--output', out], SECRETS);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout + r.stderr).not.toContain(SECRETS.AWS_SECRET_ACCESS_KEY);
    expect(filesUnder(out).length).toBeGreaterThan(10);
    expect(filesHolding(out, Object.values(SECRETS))).toEqual([]);
    const seen = readFileSync(log, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { env: string[] });
    const allowed = new Set(['PATH', 'HOME', 'LANG', 'DECLARED', 'HF_TOKEN']);
    for (const s of seen) {
      const extra = s.env.filter((k) => !allowed.has(k) && !k.startsWith('AUGC_'));
      expect(extra).toEqual([]);
      expect(s.env).toContain('HF_TOKEN');
      expect(s.env).toContain('AUGC_TASK_ID');
      expect(s.env).not.toContain('AWS_SECRET_ACCESS_KEY');
      expect(s.env).not.toContain('AUGC_TEST_SECRET');
    }
  });
});

describe('file permissions of a run', () => {
  it('creates no group- or world-writable file or folder even under umask 000', () => {
    const dir = mkdtempSync(join(tmpdir(), 'augc-sec-'));
    writeFileSync(join(dir, 'data.csv'), 'id,text\n1,hello there\n2,good morning\n');
    writeFileSync(
      join(dir, 'p.aug'),
      'pipeline "p" {\n  input "data.csv" { id = "id"  text = ["text"] }\n  method typo = keyboard_typo()\n  output "out" { format = jsonl }\n}\n',
    );
    const out = join(dir, 'out');
    const r = spawnSync(
      'sh',
      [
        '-c',
        'umask 000 && exec "$0" bin/augc.js run "$1" --output "$2"',
        process.execPath,
        join(dir, 'p.aug'),
        out,
      ],
      {
        encoding: 'utf8',
      },
    );
    expect(r.status, r.stderr).toBe(0);
    const paths = [out, ...filesUnder(out).map((f) => join(out, f))];
    const dirs = new Set<string>();
    for (const f of filesUnder(out)) {
      const parts = f.split('/');
      for (let i = 1; i < parts.length; i++) dirs.add(join(out, ...parts.slice(0, i)));
    }
    const loose = [...paths, ...dirs].filter((p) => (statSync(p).mode & 0o022) !== 0);
    expect(loose).toEqual([]);
  });
});
