import type { CodeTable } from './types.js';

/** AUG1xxx: the text is not a well-formed `.aug` file. */
export const SYNTAX_CODES = {
  AUG1001: { name: 'unexpected-character', summary: 'a character that cannot start any token' },
  AUG1002: {
    name: 'unterminated-string',
    summary: 'a string literal whose closing quote is missing on its line',
  },
  AUG1003: { name: 'unterminated-comment', summary: 'a block comment without its closing `*/`' },
  AUG1004: {
    name: 'invalid-escape',
    summary: 'an unknown or malformed escape sequence in a string',
  },
  AUG1005: { name: 'unexpected-token', summary: 'a token where the grammar expects another one' },
  AUG1006: {
    name: 'expected-value',
    summary: 'a value (string, number, list, name or call) is missing',
  },
  AUG1007: {
    name: 'invalid-number',
    summary: 'a malformed number literal, such as misplaced `_` separators',
  },
} satisfies CodeTable;
