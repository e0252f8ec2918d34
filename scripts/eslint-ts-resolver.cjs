// A minimal resolver for eslint-plugin-import: our sources import `./x.js`, which is `./x.ts`
// before compilation. Only relative paths are resolved; packages are left to the node resolver.
const { existsSync } = require('node:fs');
const { dirname, resolve } = require('node:path');

exports.interfaceVersion = 2;

exports.resolve = function resolveImport(source, file) {
  if (!source.startsWith('.')) return { found: false };
  const base = resolve(dirname(file), source);
  const candidates = [base, base.replace(/\.js$/, '.ts'), `${base}.ts`, `${base}/index.ts`];
  const path = candidates.find(
    (candidate) => existsSync(candidate) && /\.(ts|js|json)$/.test(candidate),
  );
  return path ? { found: true, path } : { found: false };
};
