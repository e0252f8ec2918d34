// Copies non-TypeScript assets (JSON Schemas, stdlib data) next to the compiled code in dist/.
import { cpSync, existsSync } from 'node:fs';

const assets = ['compiler/ir/ir.schema.json', 'compiler/plan/plan.schema.json', 'stdlib/data'];
for (const asset of assets) {
  if (existsSync(asset)) cpSync(asset, `dist/${asset}`, { recursive: true });
}
