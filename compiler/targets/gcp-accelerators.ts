/**
 * augc's GPU type names (`gpu_type = "a100"`) as Google Cloud accelerator types, and the machine
 * type that carries them where Compute Engine attaches the GPUs to the machine type itself (A2,
 * A3, A4, G2: accelerator-optimized). T4, V100, P100 and P4 attach to N1 machine types, which
 * Batch sizes from the task's CPUs and memory. A name that already is a Google accelerator type
 * (`nvidia-...`) is taken as it is. One table, read by the compiler's check and by the runtime.
 */

interface GpuFamily {
  accelerator: string;
  /** The machine type for `n` GPUs, when the GPUs come with the machine type. */
  machineFor?: (n: number) => string | undefined;
}

const sized =
  (byCount: Readonly<Record<number, string>>) =>
  (n: number): string | undefined =>
    byCount[n];

const FAMILIES: Readonly<Record<string, GpuFamily>> = {
  t4: { accelerator: 'nvidia-tesla-t4' },
  v100: { accelerator: 'nvidia-tesla-v100' },
  p100: { accelerator: 'nvidia-tesla-p100' },
  p4: { accelerator: 'nvidia-tesla-p4' },
  l4: {
    accelerator: 'nvidia-l4',
    machineFor: sized({
      1: 'g2-standard-4',
      2: 'g2-standard-24',
      4: 'g2-standard-48',
      8: 'g2-standard-96',
    }),
  },
  a100: {
    accelerator: 'nvidia-tesla-a100',
    machineFor: sized({
      1: 'a2-highgpu-1g',
      2: 'a2-highgpu-2g',
      4: 'a2-highgpu-4g',
      8: 'a2-highgpu-8g',
      16: 'a2-megagpu-16g',
    }),
  },
  'a100-80gb': {
    accelerator: 'nvidia-a100-80gb',
    machineFor: sized({
      1: 'a2-ultragpu-1g',
      2: 'a2-ultragpu-2g',
      4: 'a2-ultragpu-4g',
      8: 'a2-ultragpu-8g',
    }),
  },
  h100: {
    accelerator: 'nvidia-h100-80gb',
    machineFor: sized({
      1: 'a3-highgpu-1g',
      2: 'a3-highgpu-2g',
      4: 'a3-highgpu-4g',
      8: 'a3-highgpu-8g',
    }),
  },
  'h100-mega': { accelerator: 'nvidia-h100-mega-80gb', machineFor: sized({ 8: 'a3-megagpu-8g' }) },
  h200: { accelerator: 'nvidia-h200-141gb', machineFor: sized({ 8: 'a3-ultragpu-8g' }) },
  b200: { accelerator: 'nvidia-b200', machineFor: sized({ 8: 'a4-highgpu-8g' }) },
};

/** The augc names, for messages and docs. */
export const GCP_GPU_NAMES: readonly string[] = Object.keys(FAMILIES);

export type GcpGpu =
  | { ok: true; accelerator: string; count: number; machineType?: string }
  | { ok: false; message: string };

/** `count` GPUs of augc type `name` (or a Google accelerator type) as Google requests them. */
export function gcpGpuOf(name: string, count: number): GcpGpu {
  const key = name.trim().toLowerCase();
  const family = Object.hasOwn(FAMILIES, key) ? FAMILIES[key] : undefined;
  if (family) {
    const machineType = family.machineFor?.(count);
    if (family.machineFor && machineType === undefined)
      return {
        ok: false,
        message: `Google Cloud has no machine type with ${count} \`${key}\` GPU(s)`,
      };
    return {
      ok: true,
      accelerator: family.accelerator,
      count,
      ...(machineType ? { machineType } : {}),
    };
  }
  if (/^nvidia-[a-z0-9-]+$/.test(key)) {
    const known = Object.values(FAMILIES).find((f) => f.accelerator === key);
    const machineType = known?.machineFor?.(count);
    return { ok: true, accelerator: key, count, ...(machineType ? { machineType } : {}) };
  }
  return {
    ok: false,
    message: `GPU type \`${name}\` has no Google Cloud accelerator (augc knows ${GCP_GPU_NAMES.map((n) => `\`${n}\``).join(', ')}, or give a type such as \`nvidia-tesla-t4\`)`,
  };
}
