export type SplitResult = { ok: true; argv: string[] } | { ok: false; error: string };

/**
 * Splits a command string into argv like a POSIX shell would, without running a shell: words are
 * separated by blanks; '...' is literal; "..." allows \" \\ \$ \` escapes; a backslash outside
 * quotes escapes the next character. No expansion of any kind happens.
 */
export function splitCommand(command: string): SplitResult {
  const argv: string[] = [];
  let word = '';
  let inWord = false;
  let i = 0;
  while (i < command.length) {
    const c = command[i] ?? '';
    if (/\s/.test(c)) {
      if (inWord) argv.push(word);
      word = '';
      inWord = false;
      i++;
      continue;
    }
    inWord = true;
    if (c === "'") {
      const end = command.indexOf("'", i + 1);
      if (end < 0) return { ok: false, error: 'unbalanced single quote' };
      word += command.slice(i + 1, end);
      i = end + 1;
    } else if (c === '"') {
      const read = readDoubleQuoted(command, i + 1);
      if (read === undefined) return { ok: false, error: 'unbalanced double quote' };
      word += read.text;
      i = read.next;
    } else if (c === '\\') {
      if (i + 1 >= command.length) return { ok: false, error: 'trailing backslash' };
      word += command[i + 1] ?? '';
      i += 2;
    } else {
      word += c;
      i++;
    }
  }
  if (inWord) argv.push(word);
  return { ok: true, argv };
}

function readDoubleQuoted(
  command: string,
  start: number,
): { text: string; next: number } | undefined {
  let text = '';
  for (let i = start; i < command.length; i++) {
    const c = command[i] ?? '';
    if (c === '"') return { text, next: i + 1 };
    const n = command[i + 1];
    if (c === '\\' && n !== undefined && '"\\$`'.includes(n)) {
      text += n;
      i++;
    } else {
      text += c;
    }
  }
  return undefined;
}
