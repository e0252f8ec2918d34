/**
 * Continuous distributions over an Rng. `gaussian` always consumes two draws; the rejection
 * samplers (`gamma`, `beta`) consume a variable number, which is still deterministic.
 */
import type { Rng } from '../method.js';

/**
 * Normal(mean, sd) by Box-Muller. Uses exactly two draws and discards the second normal, so a
 * call never leaves hidden state behind (streams stay a pure function of the call sequence).
 */
export function gaussian(rng: Rng, mean = 0, sd = 1): number {
  const u1 = 1 - rng.next(); // (0, 1], so the log is finite
  const u2 = rng.next();
  return mean + sd * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/**
 * log of a Gamma(shape, 1) draw. Marsaglia and Tsang (2000) for shape >= 1; for shape < 1 the
 * boost Gamma(shape) = Gamma(shape + 1) * U^(1/shape), kept in log space because U^(1/shape)
 * underflows to 0 for small shapes (e.g. mixup's alpha = 0.05).
 */
function logGamma(rng: Rng, shape: number): number {
  if (shape < 1) {
    const logU = Math.log(1 - rng.next());
    return logGamma(rng, shape + 1) + logU / shape;
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = gaussian(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - rng.next();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return Math.log(d * v);
  }
}

function checkShape(name: string, value: number): void {
  if (!(value > 0) || !Number.isFinite(value)) {
    throw new RangeError(`${name} must be a positive finite number, got ${value}`);
  }
}

/** Gamma(shape, scale) draw (mean shape * scale). */
export function gamma(rng: Rng, shape: number, scale = 1): number {
  checkShape('gamma shape', shape);
  return Math.exp(logGamma(rng, shape)) * scale;
}

/** Beta(a, b) draw as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b), computed in log space. */
export function beta(rng: Rng, a: number, b: number): number {
  checkShape('beta a', a);
  checkShape('beta b', b);
  const logX = logGamma(rng, a);
  const logY = logGamma(rng, b);
  return 1 / (1 + Math.exp(logY - logX));
}
