#!/usr/bin/env node
// Thin launcher: the CLI is bundled into dist/bundle/ by `npm run build` (scripts/bundle.js).
// With --verbose, source maps are turned on before anything loads, so a stack trace names the
// TypeScript source file; without it, start-up does not pay for reading them.
if (process.argv.includes('--verbose')) process.setSourceMapsEnabled(true);
import('../dist/bundle/augc.js').catch((err) => {
  if (
    err &&
    err.code === 'ERR_MODULE_NOT_FOUND' &&
    /dist[\\/]bundle[\\/]augc\.js/.test(String(err.message))
  ) {
    process.stderr.write('augc: not built yet; run `npm run build` first\n');
    process.exit(70);
  }
  throw err;
});
