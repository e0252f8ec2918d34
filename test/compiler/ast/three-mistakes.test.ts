import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { loadPipeline } from '../../../compiler/ast/index.js';
import { checkPipeline } from '../../../compiler/check/index.js';
import { summary } from '../check/support.js';

test('three independent mistakes are all reported with their codes and line:col', () => {
  const file = 'test/fixtures/h2/three/main.aug';
  const loaded = loadPipeline(file);
  const all = [...loaded.diagnostics, ...checkPipeline(loaded.value!, {})];
  expect(summary(all, { [file]: readFileSync(file, 'utf8') })).toEqual([
    `AUG2005@${file}:6:24`,
    `AUG2101@${file}:4:16`,
    `AUG4003@${file}:7:18`,
  ]);
});
