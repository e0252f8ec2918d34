/**
 * The CLI bundle (scripts/bundle.js, built by test/global-setup.ts as by `npm run build`): what a
 * command loads before it runs is its entry file and the chunks those import statically; runtimes,
 * cloud SDKs and WordNet must stay behind `import()` or a file read, so a short command never
 * loads them. Read from the bundle's own files: esbuild marks each module with a `// path` line.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIR = 'dist/bundle';

interface OutFile {
  modules: string[];
  staticImports: string[];
  dynamicImports: string[];
  externalImports: string[];
}

function readOutFile(name: string): OutFile {
  const text = readFileSync(join(DIR, name), 'utf8');
  const local = (re: RegExp) => [...text.matchAll(re)].map((m) => m[1]!.replace(/^\.\//, ''));
  return {
    modules: [...text.matchAll(/^\/\/ ((?:[\w@.-]+\/)*[\w@.-]+\.(?:ts|js|cjs|mjs))$/gm)].map(
      (m) => m[1]!,
    ),
    staticImports: [
      ...local(/^import\s*(?:[^'"]*?from\s*)?"(\.\/[^"]+)";?$/gm),
      ...local(/^\}\s*from\s*"(\.\/[^"]+)";?$/gm),
    ],
    dynamicImports: local(/\bimport\("(\.\/[^"]+)"\)/g),
    externalImports: [...text.matchAll(/(?:from|import\()\s*"([^."][^"]*)"/g)]
      .map((m) => m[1]!)
      .filter((s) => !s.startsWith('node:')),
  };
}

const files = new Map<string, OutFile>();
function outFile(name: string): OutFile {
  let file = files.get(name);
  if (!file) files.set(name, (file = readOutFile(name)));
  return file;
}

/** Every module a process loads when it imports `entry`, before any `import()`. */
function loadedWith(entry: string): { modules: Set<string>; externals: Set<string> } {
  const seen = new Set<string>();
  const todo = [entry];
  while (todo.length > 0) {
    const name = todo.pop()!;
    if (seen.has(name)) continue;
    seen.add(name);
    todo.push(...outFile(name).staticImports);
  }
  const chunks = [...seen].map(outFile);
  return {
    modules: new Set(chunks.flatMap((f) => f.modules)),
    externals: new Set(chunks.flatMap((f) => f.externalImports)),
  };
}

/** The chunk `augc.js` loads for a subcommand. */
function commandChunk(command: string): string {
  const chunk = outFile('augc.js').dynamicImports.find((f) => f.startsWith(`${command}-`));
  if (!chunk) throw new Error(`no chunk for \`${command}\` in ${DIR}/augc.js`);
  return chunk;
}

const CLOUD_SDK = /^(@aws-sdk|@smithy|@google-cloud|@azure)\/|^google-auth-library$/;

describe('the CLI bundle', () => {
  it('has the entry points bin/augc.js and the local pool load, with source maps', () => {
    for (const name of ['augc.js', 'child-worker.js', 'augc.js.map', 'child-worker.js.map'])
      expect(existsSync(join(DIR, name)), name).toBe(true);
    expect(readFileSync('bin/augc.js', 'utf8')).toContain('../dist/bundle/augc.js');
  });

  it('loads nothing but the CLI frame for `augc --version`', () => {
    const { modules } = loadedWith('augc.js');
    expect(modules).toContain('cli/main.ts');
    const heavy = [...modules].filter((m) =>
      /^(engine|runtimes|stdlib)\/|^compiler\/syntax/.test(m),
    );
    expect(heavy).toEqual([]);
  });

  it('keeps runtimes, the engine and cloud SDKs out of `augc check` and `augc plan`', () => {
    for (const command of ['check', 'plan']) {
      const { modules, externals } = loadedWith(commandChunk(command));
      expect(modules, command).toContain('compiler/compile.ts');
      const runtimes = [...modules].filter((m) => /^runtimes\/[\w-]+\/index\.ts$/.test(m));
      expect(runtimes, command).toEqual([]);
      expect(
        [...modules].filter((m) => m.startsWith('stdlib/text/')),
        command,
      ).toEqual([]);
      expect(
        [...externals].filter((s) => CLOUD_SDK.test(s)),
        command,
      ).toEqual([]);
    }
  });

  it('loads each runtime only through import(), in a chunk of its own', () => {
    const commands = outFile('augc.js').dynamicImports;
    const runtimeFolders = readdirSync('runtimes', { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(join('runtimes', d.name, 'index.ts')))
      .map((d) => `runtimes/${d.name}/index.ts`);
    expect(runtimeFolders).toContain('runtimes/local/index.ts');
    for (const entry of ['augc.js', 'child-worker.js', ...commands]) {
      const { modules } = loadedWith(entry);
      expect(
        runtimeFolders.filter((r) => modules.has(r)),
        entry,
      ).toEqual([]);
    }
  });

  it('bundles no cloud SDK and no data file: they are read from disk when used', () => {
    const names = readdirSync(DIR).filter((f) => f.endsWith('.js'));
    for (const name of names) {
      const { modules } = outFile(name);
      expect(
        modules.filter((m) => /node_modules\/(@aws-sdk|@smithy|@google-cloud|@azure)\//.test(m)),
        name,
      ).toEqual([]);
    }
    expect(names.some((n) => /wordnet/i.test(n) && !n.includes('-'))).toBe(false);
    expect(readdirSync(DIR).filter((f) => f.endsWith('.gz'))).toEqual([]);
  });
});
