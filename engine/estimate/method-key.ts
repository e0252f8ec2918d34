/**
 * What makes two methods the same for speed: the stdlib method's name, or a command's argv and
 * image. Parameters are left out (a run with `aug_p = 0.2` measures `aug_p = 0.3` well enough),
 * and the method's id too, so a run of another pipeline counts when it ran the same method.
 */
export interface MethodIdentity {
  kind: 'stdlib' | 'command';
  method?: string;
  argv?: readonly string[];
  image?: string;
}

export function methodKey(m: MethodIdentity): string {
  if (m.kind === 'stdlib') return `stdlib:${m.method ?? '?'}`;
  return `command:${JSON.stringify([m.argv ?? [], m.image ?? null])}`;
}

/** How a method is shown: its catalogue name, or the command's program. */
export function methodLabel(m: MethodIdentity): string {
  return m.kind === 'stdlib' ? (m.method ?? '?') : `command ${m.argv?.[0] ?? ''}`.trim();
}
