// Regenerates docs/diagnostics.md from the diagnostic catalogue. Run after `npm run build`:
//   node scripts/gen-diagnostics-doc.js          (writes the file)
//   node scripts/gen-diagnostics-doc.js --check  (exit 1 if the file is stale)
import { readFileSync, writeFileSync } from 'node:fs';

const { CODES } = await import('../dist/compiler/diagnostics/codes/index.js');
const { renderDiagnosticsDoc } =
  await import('../dist/compiler/diagnostics/render/diagnostics-doc.js');

const path = 'docs/diagnostics.md';
const text = renderDiagnosticsDoc(CODES);
if (process.argv.includes('--check')) {
  const current = readFileSync(path, 'utf8');
  if (current !== text) {
    process.stderr.write(
      `${path} is stale; run \`npm run build && node scripts/gen-diagnostics-doc.js\`\n`,
    );
    process.exit(1);
  }
} else {
  writeFileSync(path, text);
  process.stdout.write(`wrote ${path} (${Object.keys(CODES).length} codes)\n`);
}
