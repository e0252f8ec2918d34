/**
 * The VM size of an auto pool, from what the tasks of a round need: the smallest size in these
 * tables with enough GPUs of the requested type, vCPUs and memory. augc's GPU type names (the
 * `gpu_type` resource) map to Azure's NC and ND families; a GPU request without a type gets the
 * smallest NVIDIA T4 size that fits. Every pool node runs one task at a time (taskSlotsPerNode 1).
 * See docs/runtimes/azure-batch.md for the table as users read it.
 */
import type { PlanResources } from '../../compiler/plan/types.js';

export interface VmSize {
  name: string;
  cpus: number;
  memoryGiB: number;
  gpus: number;
  gpuType?: string;
}

const vm = (name: string, cpus: number, memoryGiB: number, gpus = 0, gpuType?: string): VmSize => ({
  name,
  cpus,
  memoryGiB,
  gpus,
  ...(gpuType !== undefined ? { gpuType } : {}),
});

/** General purpose (D, 4 GiB per vCPU) then memory optimised (E, 8 GiB per vCPU), v5. */
export const CPU_SIZES: readonly VmSize[] = [
  vm('Standard_D2s_v5', 2, 8),
  vm('Standard_D4s_v5', 4, 16),
  vm('Standard_D8s_v5', 8, 32),
  vm('Standard_D16s_v5', 16, 64),
  vm('Standard_D32s_v5', 32, 128),
  vm('Standard_D48s_v5', 48, 192),
  vm('Standard_D64s_v5', 64, 256),
  vm('Standard_D96s_v5', 96, 384),
  vm('Standard_E2s_v5', 2, 16),
  vm('Standard_E4s_v5', 4, 32),
  vm('Standard_E8s_v5', 8, 64),
  vm('Standard_E16s_v5', 16, 128),
  vm('Standard_E32s_v5', 32, 256),
  vm('Standard_E64s_v5', 64, 512),
  vm('Standard_E96s_v5', 96, 672),
];

/** NVIDIA GPU sizes of the NC and ND series, by augc GPU type name. */
export const GPU_SIZES: readonly VmSize[] = [
  vm('Standard_NC4as_T4_v3', 4, 28, 1, 't4'),
  vm('Standard_NC8as_T4_v3', 8, 56, 1, 't4'),
  vm('Standard_NC16as_T4_v3', 16, 110, 1, 't4'),
  vm('Standard_NC64as_T4_v3', 64, 440, 4, 't4'),
  vm('Standard_NC6s_v3', 6, 112, 1, 'v100'),
  vm('Standard_NC12s_v3', 12, 224, 2, 'v100'),
  vm('Standard_NC24s_v3', 24, 448, 4, 'v100'),
  vm('Standard_ND40rs_v2', 40, 672, 8, 'v100'),
  vm('Standard_NC24ads_A100_v4', 24, 220, 1, 'a100'),
  vm('Standard_NC48ads_A100_v4', 48, 440, 2, 'a100'),
  vm('Standard_NC96ads_A100_v4', 96, 880, 4, 'a100'),
  vm('Standard_ND96asr_v4', 96, 900, 8, 'a100'),
  vm('Standard_ND96amsr_A100_v4', 96, 1900, 8, 'a100-80gb'),
  vm('Standard_NC40ads_H100_v5', 40, 320, 1, 'h100'),
  vm('Standard_NC80adis_H100_v5', 80, 640, 2, 'h100'),
  vm('Standard_ND96isr_H100_v5', 96, 1900, 8, 'h100'),
];

export const GPU_TYPES: readonly string[] = [...new Set(GPU_SIZES.map((s) => s.gpuType ?? ''))];

const GiB = 1024 ** 3;

/** What one node must offer: the most any group of the round asks for. */
export interface NodeNeeds {
  cpus: number;
  memoryBytes: number;
  gpus: number;
  gpuType?: string;
}

export type VmChoice = { ok: true; size: VmSize } | { ok: false; message: string };

/** The needs of several groups at once; GPU groups must agree on one type (one pool per job). */
export function needsOf(resources: readonly PlanResources[]): NodeNeeds | string {
  const types = [...new Set(resources.filter((r) => r.gpus > 0).map((r) => r.gpuType ?? ''))];
  if (types.length > 1) {
    return `the groups ask for different GPU types (${types.map((t) => `\`${t || 'any'}\``).join(', ')}) but one job runs on one pool`;
  }
  const needs: NodeNeeds = {
    cpus: Math.max(1, ...resources.map((r) => r.cpus)),
    memoryBytes: Math.max(0, ...resources.map((r) => r.memoryBytes)),
    gpus: Math.max(0, ...resources.map((r) => r.gpus)),
  };
  const type = types[0];
  return type ? { ...needs, gpuType: type } : needs;
}

export function chooseVmSize(needs: NodeNeeds): VmChoice {
  const fits = (s: VmSize): boolean =>
    s.cpus >= needs.cpus && s.memoryGiB * GiB >= needs.memoryBytes && s.gpus >= needs.gpus;
  if (needs.gpus === 0) {
    const size = CPU_SIZES.filter(fits).sort(
      (a, b) => a.cpus - b.cpus || a.memoryGiB - b.memoryGiB,
    )[0];
    return size
      ? { ok: true, size }
      : { ok: false, message: "no CPU VM size in augc's table is large enough" };
  }
  const type = needs.gpuType ?? 't4';
  if (!GPU_TYPES.includes(type)) {
    return {
      ok: false,
      message: `augc knows no Azure VM size for GPU type \`${type}\` (known: ${GPU_TYPES.join(', ')})`,
    };
  }
  const size = GPU_SIZES.filter((s) => s.gpuType === type && fits(s))[0];
  if (size) return { ok: true, size };
  return {
    ok: false,
    message: `no Azure VM size with ${needs.gpus} \`${type}\` GPU(s), ${needs.cpus} vCPUs and ${Math.ceil(needs.memoryBytes / GiB)} GiB is in augc's table`,
  };
}
