import { describe, expect, it } from 'vitest';
import { canonicalJson, planHashOf } from '../../../compiler/plan/canonical-json.js';
import { loadPlan } from '../../../compiler/plan/load-plan.js';
import type { Plan } from '../../../compiler/plan/types.js';
import { combos, cpuMethods, pipeline } from './ast-builder.js';
import { makePlan } from './plan-helpers.js';

const plan = makePlan(pipeline({ methods: cpuMethods(3), combos: combos({ up_to: 2 }) }), {
  arrayLimit: 2,
});
const text = canonicalJson(plan);

/** An edited copy with a fresh hash, so that only the edit itself can be refused. */
function rehashed(edit: (p: Record<string, unknown>) => void): string {
  const copy = JSON.parse(text) as Record<string, unknown>;
  edit(copy);
  copy['planHash'] = planHashOf(copy);
  return JSON.stringify(copy, null, 2);
}

describe('loadPlan', () => {
  it('loads what buildPlan wrote, pretty-printed or not', () => {
    expect(loadPlan(text, 'plan.json')).toEqual({ value: plan, diagnostics: [] });
    expect(loadPlan(JSON.stringify(plan, null, 2), 'plan.json').value).toEqual(plan);
  });

  it('refuses text that is not JSON', () => {
    const r = loadPlan('{"formatVersion": 1,', 'plan.json');
    expect(r.value).toBeUndefined();
    expect(r.diagnostics[0]).toMatchObject({ code: 'AUG3503', span: { file: 'plan.json' } });
  });

  it('refuses another format version before looking at the rest', () => {
    const r = loadPlan(JSON.stringify({ formatVersion: 2, whatever: true }), 'plan.json');
    expect(r.diagnostics.map((d) => d.code)).toEqual(['AUG3504']);
    expect(r.diagnostics[0]!.message).toContain('version 2');
    expect(r.diagnostics[0]!.help).toContain('augc plan');
  });

  it('refuses a plan edited after it was made', () => {
    const edited = JSON.parse(text) as Plan;
    edited.variants = 5;
    const r = loadPlan(JSON.stringify(edited), 'plan.json');
    expect(r.diagnostics.map((d) => d.code)).toEqual(['AUG3506']);
    expect(r.diagnostics[0]!.notes).toEqual([
      `recorded ${plan.planHash}`,
      `computed ${planHashOf(edited)}`,
    ]);
  });

  it('refuses a plan that fails the schema', () => {
    const r = loadPlan(
      rehashed((p) => delete p['layout']),
      'plan.json',
    );
    expect(r.diagnostics.map((d) => d.code)).toEqual(['AUG3505']);
    expect(r.diagnostics[0]!.notes!.join('\n')).toContain('layout');
    expect(loadPlan('[]', 'plan.json').diagnostics.map((d) => d.code)).toEqual(['AUG3505']);
  });

  it('refuses a plan whose groups taskAt could not follow', () => {
    const r = loadPlan(
      rehashed((p) => {
        const groups = p['groups'] as { size: number }[];
        groups[0]!.size += 100;
        p['taskCount'] = (p['taskCount'] as number) + 100;
      }),
      'plan.json',
    );
    expect(r.diagnostics.map((d) => d.code)).toEqual(['AUG3505']);
    expect(r.diagnostics[0]!.notes!.join('\n')).toContain('beyond its resource class');
  });
});
