/**
 * The CLI bundle (scripts/bundle.js, built by test/global-setup.ts as by `npm run build`): what a
 * command loads before it runs is its entry file and the chunks those import statically; runtimes,
 * cloud SDKs and WordNet must stay behind `import()` or a file read, so a short command never
 * loads them. Read from dist/bundle/meta.json, what esbuild says each output holds and imports.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIR = 'dist/bundle';

interface MetaImport {
  path: string;
  kind: string;
  external?: boolean;
}

type Meta = Record<string, { modules: string[]; imports: MetaImport[] }>;

const meta = JSON.parse(readFileSync(join(DIR, 'meta.json'), 'utf8')) as Meta;

interface OutFile {
  modules: string[];
  staticImports: string[];
  dynamicImports: string[];
  externalImports: string[];
}

function outFile(name: string): OutFile {
  const out = meta[name];
  if (!out) throw new Error(`${name} is not in ${DIR}/meta.json`);
  const local = (kind: string) =>
    out.imports.filter((i) => !i.external && i.kind === kind).map((i) => i.path);
  return {
    modules: out.modules,
    staticImports: local('import-statement'),
    dynamicImports: local('dynamic-import'),
    externalImports: out.imports
      .filter((i) => i.external && !i.path.startsWith('node:'))
      .map((i) => i.path),
  };
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

  it('loads Parquet libraries and execa only when a Parquet file or a command method needs them', () => {
    const lazy = /node_modules\/(hyparquet|hyparquet-writer|execa)\//;
    for (const entry of ['child-worker.js', commandChunk('check'), commandChunk('plan')]) {
      const { modules } = loadedWith(entry);
      expect(modules, entry).toContain('engine/formats/read-rows.ts');
      expect(
        [...modules].filter((m) => lazy.test(m)),
        entry,
      ).toEqual([]);
    }
    const all = Object.keys(meta).flatMap((f) => outFile(f).modules);
    expect(all.some((m) => m.includes('node_modules/hyparquet-writer/'))).toBe(true);
    expect(all.some((m) => m.includes('node_modules/execa/'))).toBe(true);
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
    const names = Object.keys(meta);
    expect(names).toContain('child-worker.js');
    for (const name of names) {
      const { modules } = outFile(name);
      expect(
        modules.filter((m) => /node_modules\/(@aws-sdk|@smithy|@google-cloud|@azure)\//.test(m)),
        name,
      ).toEqual([]);
    }
    expect(
      names.flatMap((n) => outFile(n).modules).filter((m) => m.includes('stdlib/data/')),
    ).toEqual([]);
    expect(readdirSync(DIR).filter((f) => f.endsWith('.gz'))).toEqual([]);
  });
});
