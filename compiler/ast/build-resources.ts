import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Statement } from '../syntax/tree.js';
import { blockBody, readBlock } from './read-block.js';
import { attributeValue, readInt, readQuantity, readString } from './read-value.js';
import type { ResourcesDecl } from './types.js';
import { RESOURCE_ATTRIBUTES } from './block-schemas.js';

/** `resources { cpus = 4  memory = 16GiB  gpus = 1  walltime = 2h ... }`, units normalised. */
export function buildResources(stmt: Statement, diags: Diagnostic[]): ResourcesDecl {
  const block = readBlock(
    blockBody(stmt, diags),
    { attributes: RESOURCE_ATTRIBUTES },
    'resources',
    diags,
  );
  const decl: ResourcesDecl = { span: stmt.span };
  for (const [key, attr] of block) {
    const expr = attributeValue(attr, diags);
    if (!expr) continue;
    switch (key) {
      case 'cpus':
        assign(decl, 'cpus', readInt(expr, key, diags));
        break;
      case 'gpus':
        assign(decl, 'gpus', readInt(expr, key, diags));
        break;
      case 'memory':
        assign(decl, 'memoryBytes', readQuantity(expr, 'bytes', key, diags));
        break;
      case 'walltime':
        assign(decl, 'walltimeSeconds', readQuantity(expr, 'seconds', key, diags));
        break;
      case 'gpu_type':
        assign(decl, 'gpuType', readString(expr, key, diags));
        break;
      default:
        assign(decl, key as 'queue' | 'account', readString(expr, key, diags));
    }
  }
  return decl;
}

/** Sets an optional property only when a value was read (exactOptionalPropertyTypes). */
export function assign<T extends object, K extends keyof T>(
  target: T,
  key: K,
  value: T[K] | undefined,
): void {
  if (value !== undefined) target[key] = value;
}
