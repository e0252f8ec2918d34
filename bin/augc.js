#!/usr/bin/env node
// Thin launcher: the CLI lives in dist/ after `npm run build`.
import('../dist/cli/main.js').catch((err) => {
  if (err && err.code === 'ERR_MODULE_NOT_FOUND') {
    process.stderr.write('augc: not built yet; run `npm run build` first\n');
    process.exit(70);
  }
  throw err;
});
