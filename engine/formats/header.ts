import { DataError } from './data-error.js';

/** Header names must be present and unique: rows become objects keyed by them. */
export function checkHeader(file: string, names: readonly string[], line?: number): void {
  const where = line === undefined ? {} : { line };
  const seen = new Map<string, number>();
  names.forEach((name, index) => {
    if (name.trim() === '') {
      throw new DataError({
        file,
        row: 0,
        ...where,
        message: `header column ${index + 1} has no name`,
      });
    }
    if (name === '__proto__') {
      throw new DataError({
        file,
        row: 0,
        ...where,
        message: 'column name `__proto__` is not allowed',
      });
    }
    const first = seen.get(name);
    if (first !== undefined) {
      throw new DataError({
        file,
        row: 0,
        ...where,
        message: `header names \`${name}\` twice (columns ${first + 1} and ${index + 1})`,
      });
    }
    seen.set(name, index);
  });
}
