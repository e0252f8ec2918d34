// Regenerates docs/methods.md from the method catalogue. Run after `npm run build`:
//   node scripts/gen-methods-doc.js          (writes the file)
//   node scripts/gen-methods-doc.js --check  (exit 1 if the file is stale)
// The text is passed through prettier, so that `prettier --check .` accepts the file as written.
import { readFileSync, writeFileSync } from 'node:fs';
import prettier from 'prettier';

const { listAliases, listMethods } = await import('../dist/stdlib/catalog/index.js');
const { renderMethodsDoc } = await import('../dist/stdlib/catalog/methods-doc.js');

const path = 'docs/methods.md';
const options = { ...(await prettier.resolveConfig(path)), filepath: path };
const commands = {
  python: readFileSync('examples/tools/swap_words.py', 'utf8'),
  shell: readFileSync('examples/tools/upper_column.sh', 'utf8'),
};
const text = await prettier.format(
  renderMethodsDoc(listMethods(), listAliases(), commands),
  options,
);
if (process.argv.includes('--check')) {
  if (readFileSync(path, 'utf8') !== text) {
    process.stderr.write(
      `${path} is stale; run \`npm run build && node scripts/gen-methods-doc.js\`\n`,
    );
    process.exit(1);
  }
} else {
  writeFileSync(path, text);
  process.stdout.write(
    `wrote ${path} (${listMethods().length} methods, ${listAliases().length} aliases)\n`,
  );
}
