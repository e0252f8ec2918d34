import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileFile } from '../../compiler/compile.js';
import { renderHuman } from '../../compiler/diagnostics/render/human.js';
import { probeInput } from '../../engine/probe-input.js';

// UI snapshots: each cases/<name>.aug is compiled and its rendered diagnostics compared with
// cases/<name>.stderr. Regenerate on purpose with UPDATE_SNAPSHOTS=1 and read the diff.
const DIR = 'test/ui/cases';
const UPDATE = process.env['UPDATE_SNAPSHOTS'] === '1';
const cases = readdirSync(DIR)
  .filter((name) => name.endsWith('.aug'))
  .sort();

describe('UI snapshots', () => {
  it('has cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(6);
  });

  it.each(cases)('%s', async (name) => {
    // A relative path keeps machine-specific directories out of the snapshots.
    const file = join(DIR, name);
    // As `augc check` does: the input's header is read when it exists (cases/data.csv).
    const result = await compileFile(file, { probeInput });
    const sources = new Map(result.sources.map((s) => [s.file, s.text]));
    const actual = renderHuman(result.diagnostics, sources, { color: false });
    const snapshot = file.replace(/\.aug$/, '.stderr');
    if (UPDATE) writeFileSync(snapshot, actual);
    if (!existsSync(snapshot)) {
      throw new Error(`${snapshot} is missing; run UPDATE_SNAPSHOTS=1 npx vitest run test/ui`);
    }
    expect(actual).not.toBe('');
    expect(actual).toBe(readFileSync(snapshot, 'utf8'));
  });
});
