/** Where a grid run keeps its bookkeeping, relative to the run's root (the shared output folder). */
export const GRID_DIR = '_augc/grid';
export const STATE_PATH = `${GRID_DIR}/state.json`;
export const RESULT_PATH = `${GRID_DIR}/result.json`;
export const CANCEL_PATH = `${GRID_DIR}/cancelled.json`;
export const JOBS_DIR = `${GRID_DIR}/jobs`;
export const EXIT_DIR = `${GRID_DIR}/exit`;
export const LOGS_DIR = '_augc/logs';
export const SCHEDULER_LOGS_DIR = `${LOGS_DIR}/scheduler`;

/** The exit status a task's wrapper leaves: `_augc/grid/exit/<group>/<index>.<attempt>`. */
export function exitPathOf(groupDir: string, index: number, attempt: number): string {
  return `${EXIT_DIR}/${groupDir}/${index}.${attempt}`;
}

/** One log per task, every attempt appended: `_augc/logs/<group>/<index>.log`. */
export function taskLogPathOf(groupDir: string, index: number): string {
  return `${LOGS_DIR}/${groupDir}/${index}.log`;
}
