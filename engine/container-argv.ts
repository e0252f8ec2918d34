/**
 * The argv that runs a command method's program inside its image, for the runtime the plan
 * recorded (`methods[].container`). Folders are bound at the same path inside the container, so
 * `{input}`, `{output}`, `$AUGC_INPUT` and the plan's relative paths mean the same there.
 */
import type { PlanMethod } from '../compiler/plan/types.js';

export interface ContainerCall {
  file: string;
  args: string[];
}

export interface ContainerContext {
  /** Folders the program must see: the task's exchange folder and the plan's directory. */
  binds: readonly string[];
  /** The program's working directory (docker and podman start elsewhere unless told). */
  cwd?: string;
  /** Names of the environment variables the program gets (docker and podman pass none unasked). */
  envNames: readonly string[];
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}

/** `file args` unchanged when the method has no container; else the runtime's call. */
export function containerCall(
  method: PlanMethod,
  program: ContainerCall,
  ctx: ContainerContext,
): ContainerCall {
  const runtime = method.container;
  if (runtime === undefined || method.image === undefined) return program;
  const binds = unique(ctx.binds);
  const inner = [method.image, program.file, ...program.args];
  if (runtime === 'apptainer' || runtime === 'singularity') {
    return {
      file: runtime,
      args: [
        'exec',
        ...(method.gpu ? ['--nv'] : []),
        ...binds.flatMap((dir) => ['--bind', dir]),
        ...(ctx.cwd !== undefined ? ['--pwd', ctx.cwd] : []),
        ...inner,
      ],
    };
  }
  return {
    file: runtime,
    args: [
      'run',
      '--rm',
      '-i',
      ...(method.gpu ? ['--gpus', 'all'] : []),
      ...binds.flatMap((dir) => ['-v', `${dir}:${dir}`]),
      ...(ctx.cwd !== undefined ? ['-w', ctx.cwd] : []),
      ...ctx.envNames.flatMap((name) => ['-e', name]),
      ...inner,
    ],
  };
}
