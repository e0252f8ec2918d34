import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

// `augc check` must not pay for the cloud SDKs: nothing reachable from the CLI's entry or any
// command (main.ts loads each command with import()) through static imports may import them; the
// S3 and Cloud Storage clients are loaded with `import()` on first use of an s3:// or gs:// URI,
// and the Batch client when a gcp-batch run talks to the service.
const SDK = /^@aws-sdk\/|^@azure\/|^@google-cloud\/|^google-gax$|^google-auth-library$/;
const STATIC_IMPORT = /^\s*(?:import|export)\s+(?!type\s)(?:[^;'"]*?\sfrom\s+)?'([^']+)'/gm;

/** Every package reached from `entry` by static (value) imports, walking our own .ts files. */
function staticPackages(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string): void => {
    if (files.has(file)) return;
    files.add(file);
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)) {
      if (spec === undefined) continue;
      if (!spec.startsWith('.')) {
        packages.add(spec);
        continue;
      }
      // Our sources are .ts imported as .js; generated validators are plain .js.
      const ts = resolve(dirname(file), spec.replace(/\.js$/, '.ts'));
      visit(existsSync(ts) ? ts : resolve(dirname(file), spec));
    }
  };
  visit(resolve(entry));
  return { files, packages };
}

describe('the cloud SDKs are loaded lazily', () => {
  test('no CLI command imports a cloud SDK statically, not even those that open storage', () => {
    const commands = readdirSync('cli/commands').filter((f) => f.endsWith('.ts'));
    expect(commands).toContain('check.ts');
    for (const entry of ['cli/main.ts', ...commands.map((f) => join('cli/commands', f))]) {
      const { packages } = staticPackages(entry);
      expect(
        [...packages].filter((p) => SDK.test(p)),
        entry,
      ).toEqual([]);
    }
    // The walk does reach the storage registry and the S3 storage (so it can see far enough).
    const { files } = staticPackages('cli/commands/run.ts');
    expect(files).toContain(resolve('engine/storage/open-storage.ts'));
    expect(files).toContain(resolve('engine/storage/s3-storage.ts'));
    expect(files).toContain(resolve('engine/storage/az-storage.ts'));
    expect(files).toContain(resolve('engine/storage/gcs-storage.ts'));
  });

  test('the walk does find the SDK where it is imported', () => {
    const { packages } = staticPackages(join('engine', 'storage', 's3-client.ts'));
    expect(packages).toContain('@aws-sdk/client-s3');
    expect(packages).toContain('@aws-sdk/lib-storage');
    const az = staticPackages(join('engine', 'storage', 'az-client.ts')).packages;
    expect(az).toContain('@azure/storage-blob');
    expect(az).toContain('@azure/identity');
    expect(staticPackages(join('engine', 'storage', 'gcs-client.ts')).packages).toContain(
      '@google-cloud/storage',
    );
  });

  test('the gcp-batch runtime loads the Batch client only when it calls the service', () => {
    const runtime = staticPackages(join('runtimes', 'gcp-batch', 'index.ts')).packages;
    expect([...runtime].filter((p) => SDK.test(p))).toEqual([]);
    const client = staticPackages(join('runtimes', 'gcp-batch', 'batch-client.ts')).packages;
    expect(client).toContain('@google-cloud/batch');
    expect(client).toContain('google-gax');
  });
});
