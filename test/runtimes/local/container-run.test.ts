/**
 * A command method with an `image`, run for real on the local target with `container =
 * "apptainer"`. Debian has no Apptainer package, so a stand-in `apptainer` on PATH records its
 * argv and runs the command after the image argument: what is proven is the call augc makes.
 */
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { augc } from '../../cli/spawn-augc.js';

const base = mkdtempSync(join(tmpdir(), 'augc-container-'));
const bin = join(base, 'bin');
const record = join(base, 'argv.txt');

const STAND_IN = `#!/bin/sh
printf '%s\\n' "$@" >> "${record}"
[ "$1" = exec ] || exit 90
shift
while :; do
  case "$1" in
    --nv) shift ;;
    --bind|--pwd) shift 2 ;;
    *) break ;;
  esac
done
shift
exec "$@"
`;

const PIPELINE = `pipeline "c" {
  input "data.csv" { text = ["text"] id = "id" }
  output "out"
  method up = command("tr m M") {
    io = stdio
    image = "ghcr.io/lab/tools:2"
  }
  target local { container = "apptainer" }
}
`;

describe('local target with container = "apptainer"', () => {
  let code: number | null = null;
  let stderr = '';
  beforeAll(async () => {
    mkdirSync(bin);
    writeFileSync(join(bin, 'apptainer'), STAND_IN);
    chmodSync(join(bin, 'apptainer'), 0o755);
    writeFileSync(join(base, 'data.csv'), 'id,text\n1,hello there\n2,good morning\n');
    writeFileSync(join(base, 'c.aug'), PIPELINE);
    const path = `${bin}:${process.env['PATH'] ?? ''}`;
    const run = await augc(['run', join(base, 'c.aug'), '--output', join(base, 'out')], {
      PATH: path,
    });
    code = run.code;
    stderr = run.stderr;
  }, 120_000);

  it('runs the program through apptainer exec with the image and binds', () => {
    expect(code, stderr).toBe(0);
    const argv = readFileSync(record, 'utf8').trim().split('\n');
    expect(argv[0]).toBe('exec');
    expect(argv).not.toContain('--nv');
    expect(argv.filter((a) => a === '--bind').length).toBeGreaterThanOrEqual(2);
    const image = argv.indexOf('ghcr.io/lab/tools:2');
    expect(argv.slice(image)).toEqual(['ghcr.io/lab/tools:2', 'tr', 'm', 'M']);
  });

  it('writes what the program printed inside the container', () => {
    const dir = join(base, 'out', 'combo_1_up');
    const text = readdirSync(dir)
      .filter((f) => f.startsWith('part-'))
      .map((f) => readFileSync(join(dir, f), 'utf8'))
      .join('');
    expect(text).toContain('good Morning');
    expect(text).not.toContain('good morning');
  });
});
