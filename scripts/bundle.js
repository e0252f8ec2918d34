// Bundles the CLI for start-up (`npm run build` runs it after tsc): dist/bundle/augc.js is what
// bin/augc.js loads, dist/bundle/child-worker.js what the local pool forks. Loading ~260 ES
// modules one by one was ~40% of a short command's time; one file and a few shared chunks load in
// a fraction of it. Everything reached through `import()` (a subcommand, a runtime, the S3 client)
// stays a chunk of its own, loaded on use; cloud SDKs are not bundled at all (external), so they
// are read from node_modules only when the chunk that imports them is loaded.
// Whitespace and syntax are minified (less for V8 to parse at every start; identifiers are kept).
// Source maps are written beside the bundle; bin/augc.js turns them on for `--verbose`, so a stack
// trace names the .ts source file and line. dist/ from tsc stays: tests and benches import it.
import { build } from 'esbuild';
import { rmSync, writeFileSync } from 'node:fs';

const OUT = 'dist/bundle';

/** Packages left to Node's resolver: large SDKs only some targets load, each behind `import()`. */
export const EXTERNAL = [
  '@aws-sdk/*',
  '@smithy/*',
  '@google-cloud/*',
  '@azure/*',
  'google-auth-library',
  'google-gax',
  '@grpc/*',
];

rmSync(OUT, { recursive: true, force: true });
const result = await build({
  entryPoints: { augc: 'cli/main.ts', 'child-worker': 'runtimes/local/child-worker.ts' },
  outdir: OUT,
  // Flat: `new URL('./child-worker.js', import.meta.url)` in a chunk must find the entry beside it.
  chunkNames: '[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: EXTERNAL,
  sourcemap: 'linked',
  sourcesContent: false,
  // CommonJS packages (commander) call require(): give each ES module output a real one.
  banner: {
    js: "import { createRequire as __augcCreateRequire } from 'node:module'; const require = __augcCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
  minifyWhitespace: true,
  minifySyntax: true,
  metafile: true,
});
// What each output file holds and imports (statically or with import()), from esbuild's metafile:
// test/cli/bundle.test.ts reads it to hold what a command loads before it runs.
const files = Object.entries(result.metafile.outputs).filter(([file]) => file.endsWith('.js'));
const meta = Object.fromEntries(
  files.map(([file, out]) => [
    file.slice(OUT.length + 1),
    {
      bytes: out.bytes,
      modules: Object.keys(out.inputs),
      imports: out.imports.map((i) => ({
        path: i.external ? i.path : i.path.slice(OUT.length + 1),
        kind: i.kind,
        ...(i.external ? { external: true } : {}),
      })),
    },
  ]),
);
writeFileSync(`${OUT}/meta.json`, `${JSON.stringify(meta, null, 1)}\n`);
