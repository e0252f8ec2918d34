import type { MethodImpl } from './method.js';
import { TABULAR_METHODS } from './tabular/index.js';
import { TEXT_METHODS } from './text/index.js';

const BY_NAME = new Map<string, MethodImpl>(
  [...TEXT_METHODS, ...TABULAR_METHODS].map((m) => [m.name, m]),
);

/**
 * The implementation of a catalogue method, by its augc name (aliases are resolved by the
 * compiler into a method name plus parameters, so they are not accepted here).
 */
export function getImplementation(name: string): MethodImpl | undefined {
  return BY_NAME.get(name);
}
