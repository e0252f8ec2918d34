import type { Severity } from '../diagnostic.js';

/** The colour roles rustc uses; a palette maps each to an ANSI sequence or to plain text. */
export type StyleRole = Severity | 'help' | 'gutter' | 'bold';

export type Paint = (role: StyleRole, text: string) => string;

const ANSI: Record<StyleRole, string> = {
  error: '\x1b[1;31m',
  warning: '\x1b[1;33m',
  note: '\x1b[1;32m',
  help: '\x1b[1;36m',
  gutter: '\x1b[1;34m',
  bold: '\x1b[1m',
};

/** Returns a painter; with `color` false it is the identity so snapshots stay plain text. */
export function makePaint(color: boolean): Paint {
  if (!color) return (_role, text) => text;
  return (role, text) => (text === '' ? '' : `${ANSI[role]}${text}\x1b[0m`);
}
