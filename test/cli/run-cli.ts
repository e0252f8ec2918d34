import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../cli/main.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with captured streams. */
export async function runCli(
  argv: string[],
  options: { env?: Record<string, string>; isTTY?: boolean; stdin?: string } = {},
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    env: options.env ?? {},
    isTTY: options.isTTY ?? false,
    ...(options.stdin !== undefined
      ? { readStdin: () => Promise.resolve(options.stdin ?? '') }
      : {}),
  });
  return { code, stdout, stderr };
}

/** A fresh directory holding the given files; returns absolute paths by name. */
export function workspace(files: Record<string, string>): (name: string) => string {
  const dir = mkdtempSync(join(tmpdir(), 'augc-cli-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return (name) => join(dir, name);
}

export const VALID = `pipeline "tiny" {
  input "data.csv" { id = "id"  text = ["text"] }
  method typo = keyboard_typo(aug_char_p = 0.05)
  output "out" { format = jsonl }
}
`;

export const DATA = 'id,text\n1,hello world\n2,good morning\n';

/** A syntax error on line 2: a missing value. */
export const BROKEN = `pipeline "broken" {
  seed =
}
`;
