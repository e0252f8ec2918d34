import { InvalidArgumentError } from 'commander';

/** A commander parser for a whole number >= min (a bad value is a usage error, exit 64). */
export function intAtLeast(min: number): (value: string) => number {
  return (value) => {
    if (!/^\d+$/.test(value) || Number(value) < min) {
      throw new InvalidArgumentError(`expected a whole number >= ${min}, got \`${value}\``);
    }
    return Number(value);
  };
}
