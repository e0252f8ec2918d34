/** One entry of the diagnostic catalogue. Codes are never reused or renumbered. */
export interface CodeInfo {
  /** kebab-case name, used in docs and SARIF rule ids. */
  name: string;
  /** What the diagnostic means, one sentence (docs/diagnostics.md is generated from it). */
  summary: string;
  /** Set when augc no longer reports the code (why, and since when); the number stays taken. */
  retired?: string;
}

export type CodeTable = Record<string, CodeInfo>;
