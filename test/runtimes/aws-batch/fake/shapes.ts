/**
 * Checks a request body against the documented request shapes in
 * test/fixtures/aws-batch/request-shapes.json: unknown members, missing required ones, and
 * wrong types are refused, as the service refuses them (the SDK checks nothing).
 */
import shapes from '../../../fixtures/aws-batch/request-shapes.json' with { type: 'json' };

type Shape = string | Shape[] | { [member: string]: Shape };

const SHAPES = shapes as unknown as Record<string, Shape>;

export function knownOperation(op: string): boolean {
  return op !== '$comment' && Object.hasOwn(SHAPES, op);
}

function checkScalar(shape: string, value: unknown, path: string): string | undefined {
  if (shape === 'any') return undefined;
  if (shape === 'string') return typeof value === 'string' ? undefined : `${path} must be a string`;
  if (shape === 'boolean')
    return typeof value === 'boolean' ? undefined : `${path} must be a boolean`;
  if (shape === 'integer')
    return Number.isInteger(value) ? undefined : `${path} must be an integer`;
  if (shape === 'map') {
    const ok =
      typeof value === 'object' &&
      value !== null &&
      !Array.isArray(value) &&
      Object.values(value).every((v) => typeof v === 'string');
    return ok ? undefined : `${path} must be a map of strings`;
  }
  if (shape.startsWith('enum:')) {
    const values = shape.slice(5).split('|');
    return values.includes(value as string)
      ? undefined
      : `${path} must be one of ${values.join(', ')}`;
  }
  throw new Error(`bad shape ${shape}`);
}

export function checkShape(shape: Shape, value: unknown, path = '$'): string | undefined {
  if (typeof shape === 'string') return checkScalar(shape, value, path);
  if (Array.isArray(shape)) {
    if (!Array.isArray(value)) return `${path} must be a list`;
    for (const [i, item] of value.entries()) {
      const bad = checkShape(shape[0] as Shape, item, `${path}[${i}]`);
      if (bad) return bad;
    }
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return `${path} must be an object`;
  const members = new Map(
    Object.entries(shape).map(([k, s]) => [k.replace(/!$/, ''), { s, required: k.endsWith('!') }]),
  );
  for (const key of Object.keys(value)) {
    if (!members.has(key)) return `${path}.${key} is not a member of this request`;
  }
  for (const [key, { s, required }] of members) {
    const v = (value as Record<string, unknown>)[key];
    if (v === undefined || v === null) {
      if (required) return `${path}.${key} is required`;
      continue;
    }
    const bad = checkShape(s, v, `${path}.${key}`);
    if (bad) return bad;
  }
  return undefined;
}

export function checkRequest(op: string, body: unknown): string | undefined {
  const shape = SHAPES[op];
  if (!shape) return `unknown operation ${op}`;
  return checkShape(shape, body);
}
