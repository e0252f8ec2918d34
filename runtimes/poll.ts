/** How often a follower asks a scheduler or service again: back off by half, up to `maxMs`. */
export function nextPollMs(delay: number, maxMs = 30_000): number {
  return Math.min(maxMs, Math.ceil(delay * 1.5));
}
