import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A one-method pipeline over 6 rows in 2 chunks: fast enough for many runs. */
export const TINY = `pipeline "tiny" {
  input "data.csv" { id = "id"  text = ["text"] }
  method typo = keyboard_typo(aug_char_p = 0.1)
  chunk { rows = 3 }
  output "out" { format = jsonl }
}
`;

const DATA = [
  'id,text',
  '1,the weather is lovely this morning',
  '2,I would like another cup of coffee',
  '3,she walked to the station in the rain',
  '4,we are planning a trip to the mountains',
  '5,he reads a newspaper every evening',
  '6,the children played in the garden all day',
].join('\n');

/** A temp folder holding tiny.aug and data.csv; returns its path. */
export function tinyWorkspace(pipeline = TINY): string {
  const dir = mkdtempSync(join(tmpdir(), 'augc-tiny-'));
  writeFileSync(join(dir, 'tiny.aug'), pipeline);
  writeFileSync(join(dir, 'data.csv'), `${DATA}\n`);
  return dir;
}

export function copyTree(from: string, to: string): void {
  cpSync(from, to, { recursive: true });
}
