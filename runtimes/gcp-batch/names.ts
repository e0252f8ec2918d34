/**
 * Names Cloud Batch accepts: job ids (a lower-case letter, then at most 62 lower-case letters,
 * digits and `-`, not ending in `-`) and labels (keys and values of at most 63 lower-case
 * letters, digits, `_` and `-`; keys start with a letter, and `goog-`/`google-` are reserved).
 */
import { createHash } from 'node:crypto';

const MAX = 63;

/** `text` in the characters labels and job ids allow: lower-case, runs of others as one `-`. */
export function slugOf(text: string, max: number): string {
  const slug = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, max).replace(/-+$/, '');
}

function shortHash(text: string, n: number): string {
  return createHash('sha256').update(text).digest('hex').slice(0, n);
}

/** The run's name for labels: its last path segment, and a hash of the whole URI to tell runs apart. */
export function runLabelOf(runUri: string): string {
  const last = runUri.replace(/\/+$/, '').split('/').at(-1) ?? '';
  const slug = slugOf(last, MAX - 9);
  return slug === '' ? shortHash(runUri, 8) : `${slug}-${shortHash(runUri, 8)}`;
}

export interface JobLabels {
  pipeline: string;
  planHash: string;
  run: string;
  group: string;
  round: number;
}

export function labelsOf(l: JobLabels): Record<string, string> {
  return {
    'augc-pipeline': slugOf(l.pipeline, MAX),
    'augc-plan': l.planHash.slice(0, 12).toLowerCase(),
    'augc-run': l.run,
    'augc-group': slugOf(l.group, MAX),
    'augc-round': String(l.round),
  };
}

/**
 * `augc-<pipeline>-r<round>-<group>-<offset>-<token>`, cut to 63 characters: readable in the
 * console, unique thanks to the token (a run resubmitted from scratch reuses round numbers).
 */
export function jobIdOf(parts: {
  pipeline: string;
  round: number;
  group: string;
  offset: number;
  token: string;
}): string {
  const tail = `-r${parts.round}-${slugOf(parts.group, 24)}-${parts.offset}-${parts.token}`;
  const head = `augc-${slugOf(parts.pipeline, MAX - tail.length - 5)}`.replace(/-+$/, '');
  return `${head}${tail}`.replace(/-+/g, '-').slice(0, MAX).replace(/-+$/, '');
}
