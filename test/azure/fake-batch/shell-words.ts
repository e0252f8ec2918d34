/**
 * How the fake node agent splits a task's command line into argv: POSIX shell words (single and
 * double quotes, backslash escapes), with no expansion of any kind. The service does not run the
 * command line in a shell, which is why augc wraps it in `/bin/sh -c '...'`.
 */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  let i = 0;
  const add = (s: string): void => {
    word = (word ?? '') + s;
  };
  while (i < line.length) {
    const c = line[i]!;
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end === -1) throw new Error(`unterminated ' in command line: ${line}`);
      add(line.slice(i + 1, end));
      i = end + 1;
    } else if (c === '"') {
      let j = i + 1;
      let text = '';
      while (j < line.length && line[j] !== '"') {
        if (line[j] === '\\' && j + 1 < line.length && '"\\$`'.includes(line[j + 1]!)) j++;
        text += line[j];
        j++;
      }
      if (j >= line.length) throw new Error(`unterminated " in command line: ${line}`);
      add(text);
      i = j + 1;
    } else if (c === '\\' && i + 1 < line.length) {
      add(line[i + 1]!);
      i += 2;
    } else if (/\s/.test(c)) {
      if (word !== undefined) words.push(word);
      word = undefined;
      i++;
    } else {
      add(c);
      i++;
    }
  }
  if (word !== undefined) words.push(word);
  return words;
}
