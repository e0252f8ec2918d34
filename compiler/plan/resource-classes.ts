import type { IrCombo } from '../ir/types.js';
import type { PlanResources } from './types.js';

export interface ResourceClass {
  id: string;
  resources: PlanResources;
  gpu: boolean;
  /** Indices into the combo list, in combo order. */
  combos: number[];
}

/**
 * One class per distinct (gpu, resource vector). CPU classes come first, then GPU classes, each in
 * order of first appearance, so that ids and order depend only on the combos.
 */
export function resourceClassesOf(combos: readonly IrCombo[]): ResourceClass[] {
  const byKey = new Map<string, ResourceClass>();
  combos.forEach((combo, index) => {
    const key = JSON.stringify([combo.gpu, vectorOf(combo.resources)]);
    let cls = byKey.get(key);
    if (!cls) {
      cls = { id: '', resources: combo.resources, gpu: combo.gpu, combos: [] };
      byKey.set(key, cls);
    }
    cls.combos.push(index);
  });
  const classes = [...byKey.values()]
    .filter((c) => !c.gpu)
    .concat([...byKey.values()].filter((c) => c.gpu));
  const used = new Map<string, number>();
  for (const cls of classes) {
    const base = classIdOf(cls.resources, cls.gpu);
    const seen = (used.get(base) ?? 0) + 1;
    used.set(base, seen);
    // Sanitising names can make two vectors read alike; a suffix keeps ids unique.
    cls.id = seen === 1 ? base : `${base}-${seen}`;
  }
  return classes;
}

function vectorOf(r: PlanResources): unknown[] {
  return [r.cpus, r.memoryBytes, r.gpus, r.gpuType, r.walltimeSeconds, r.queue, r.account];
}

/** e.g. `cpu-1c-2g-1h`, `gpu1-a100-4c-16g-2h`, `cpu-2c-512m-30m-qshort-alab`. */
export function classIdOf(r: PlanResources, gpu: boolean): string {
  const parts = [gpu ? `gpu${r.gpus}` : 'cpu'];
  if (gpu && r.gpuType !== undefined) parts.push(clean(r.gpuType));
  parts.push(`${r.cpus}c`, memoryLabel(r.memoryBytes), durationLabel(r.walltimeSeconds));
  if (r.queue !== undefined) parts.push(`q${clean(r.queue)}`);
  if (r.account !== undefined) parts.push(`a${clean(r.account)}`);
  return parts.join('-');
}

function clean(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9_]+/g, '_');
}

function memoryLabel(bytes: number): string {
  const units: [number, string][] = [
    [1024 ** 4, 't'],
    [1024 ** 3, 'g'],
    [1024 ** 2, 'm'],
    [1024, 'k'],
  ];
  for (const [size, suffix] of units) {
    if (bytes >= size && bytes % size === 0) return `${bytes / size}${suffix}`;
  }
  return `${bytes}b`;
}

function durationLabel(seconds: number): string {
  const units: [number, string][] = [
    [86_400, 'd'],
    [3600, 'h'],
    [60, 'm'],
  ];
  for (const [size, suffix] of units) {
    if (seconds >= size && seconds % size === 0) return `${seconds / size}${suffix}`;
  }
  return `${seconds}s`;
}
