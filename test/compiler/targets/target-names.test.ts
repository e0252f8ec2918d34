/**
 * Target names have one home (compiler/targets/target-names.ts). What cannot import it is held to
 * it here: the IR and plan JSON Schemas, the runtime registry and the reference docs.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { TARGETS } from '../../../compiler/targets/catalog.js';
import {
  isTargetName,
  SCHEDULER_TARGETS,
  TARGET_NAMES,
} from '../../../compiler/targets/target-names.js';
import { runtimeNames } from '../../../runtimes/registry.js';

const read = (path: string): string =>
  readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');

interface SchemaWithTarget {
  definitions: { target: { properties: { name: { enum: string[] } } } };
}

describe('target names', () => {
  test('the catalogue has exactly the names, in their order', () => {
    expect(TARGETS.map((t) => t.name)).toEqual([...TARGET_NAMES]);
    expect(SCHEDULER_TARGETS.every(isTargetName)).toBe(true);
    expect(isTargetName('hpc')).toBe(false);
  });

  test.each(['compiler/ir/ir.schema.json', 'compiler/plan/plan.schema.json'])(
    '%s lists exactly the names',
    (path) => {
      const schema = JSON.parse(read(path)) as SchemaWithTarget;
      expect(schema.definitions.target.properties.name.enum).toEqual([...TARGET_NAMES]);
    },
  );

  test('every registered runtime is a target, and every scheduler target has a runtime', () => {
    expect(runtimeNames().every(isTargetName)).toBe(true);
    for (const name of SCHEDULER_TARGETS) expect(runtimeNames()).toContain(name);
  });

  test('docs/reference.md names every target', () => {
    const line = read('docs/reference.md')
      .split('\n')
      .find((l) => l.startsWith('Names: '));
    const named = [...(line ?? '').matchAll(/`([a-z-]+)`/g)].map((m) => m[1]);
    expect(named).toEqual([...TARGET_NAMES]);
  });
});
