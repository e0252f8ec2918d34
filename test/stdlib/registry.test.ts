import { describe, expect, it } from 'vitest';
import { findMethod, listAliases, listMethods } from '../../stdlib/catalog/index.js';
import { getImplementation } from '../../stdlib/registry.js';

describe('registry', () => {
  it('has an implementation for every catalogue method, in the right domain', () => {
    for (const spec of listMethods()) {
      const impl = getImplementation(spec.name);
      expect(impl, spec.name).toBeDefined();
      expect(impl?.domain).toBe(spec.domain);
      expect(impl?.name).toBe(spec.name);
    }
  });

  it('resolves every alias to an implemented method, and does not accept alias names itself', () => {
    for (const a of listAliases()) {
      expect(getImplementation(findMethod(a.alias)!.spec.name), a.alias).toBeDefined();
      expect(getImplementation(a.alias)).toBeUndefined();
    }
    expect(getImplementation('no_such_method')).toBeUndefined();
  });
});
