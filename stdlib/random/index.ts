export { createRng, hashParts, fnv1a64 } from './rng.js';
export { shuffle, sample, sampleIndices, pick } from './sampling.js';
export { gaussian, gamma, beta } from './distributions.js';
