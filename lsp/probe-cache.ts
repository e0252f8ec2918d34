import type { CompileOptions } from '../compiler/compile.js';
import { fileStamp } from './workspace-files.js';

type Probe = NonNullable<CompileOptions['probeInput']>;

/**
 * The input probe reads the whole input (columns, rows, hash) the way `augc check` does; a check
 * runs on every edit, so the server keeps the last answer per input and asks again only when
 * the file's size or modification time changed. A file that cannot be stamped (missing, remote)
 * is probed each time, so that its diagnostic stays what the probe says.
 */
export function cachedProbe(
  probe: Probe,
  stamp: (path: string) => string | undefined = fileStamp,
): Probe {
  const last = new Map<string, { key: string; answer: ReturnType<Probe> }>();
  return (uri, format) => {
    const now = stamp(uri);
    if (now === undefined) return probe(uri, format);
    const key = `${format}\0${now}`;
    const known = last.get(uri);
    if (known?.key === key) return known.answer;
    const answer = probe(uri, format);
    last.set(uri, { key, answer });
    // A probe that failed is not kept: the next check tries again.
    answer.catch(() => {
      if (last.get(uri)?.answer === answer) last.delete(uri);
    });
    return answer;
  };
}
