'use strict';
/**
 * How the extension starts the language server, kept apart from `vscode` so that it can be
 * tested without an editor: `augc lsp` (the client appends `--stdio`), where `augc` is the
 * `augc.path` setting: a command on PATH, or a path to a checkout's `bin/augc.js`, run with Node.
 */
function serverCommand(configured) {
  const path =
    typeof configured === 'string' && configured.trim() !== '' ? configured.trim() : 'augc';
  if (/\.[cm]?js$/.test(path)) return { command: 'node', args: [path, 'lsp'] };
  return { command: path, args: ['lsp'] };
}

module.exports = { serverCommand };
