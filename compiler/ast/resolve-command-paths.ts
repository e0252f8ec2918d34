import { dirname, isAbsolute, relative, resolve } from 'node:path';
import type { CommandMethodDecl, PipelineAst } from './types.js';

/** Tells whether a file or folder exists (the compiler is given one; tests pass their own). */
export type PathExists = (path: string) => boolean;

const URI_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * Which words of a command's argv are paths, and what they become. A relative path is written
 * from the file that holds the `command(...)`, like the input's, and the plan stores it relative
 * to the directory the plan is made in, like the input's, so that it names the same file on
 * every target and the plan holds no absolute path of the machine:
 * - the program (the first word) when it contains a `/` (without one it is looked up in `PATH`);
 * - any other word that names a file or folder that exists next to that file at plan time, unless
 *   it starts with `-` or holds a `{placeholder}`.
 * Absolute paths and URIs stay as written, and so do words that name nothing there (a path
 * inside a container image, a model name).
 */
export function resolveCommandArgv(
  argv: readonly string[],
  sourceFile: string,
  cwd: string,
  exists: PathExists,
): string[] {
  const base = dirname(resolve(cwd, sourceFile));
  return argv.map((word, i) => {
    if (word === '' || isAbsolute(word) || URI_SCHEME.test(word)) return word;
    const path = resolve(base, word);
    const isPath = i === 0 ? word.includes('/') : !/^-|[{}]/.test(word) && exists(path);
    if (!isPath) return word;
    const fromCwd = relative(cwd, path) || '.';
    // `x.sh` alone would be looked up in PATH: a program keeps a slash.
    return i === 0 && !fromCwd.includes('/') ? `./${fromCwd}` : fromCwd;
  });
}

/** The pipeline with every command method's path words resolved (see `resolveCommandArgv`). */
export function resolveCommandPaths(
  ast: PipelineAst,
  cwd: string,
  exists: PathExists,
): PipelineAst {
  const methods = ast.methods.map((m) => {
    if (m.kind !== 'command') return m;
    const argv = resolveCommandArgv(m.argv.value, m.argv.span.file, cwd, exists);
    const resolved: CommandMethodDecl = { ...m, argv: { ...m.argv, value: argv } };
    return resolved;
  });
  return { ...ast, methods };
}
