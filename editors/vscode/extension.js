'use strict';
/**
 * The VS Code client of `augc lsp`: it starts the server for `.aug` files and hands it every
 * request (diagnostics, hover, completion, go to definition, formatting). The server is augc
 * itself, so the editor always agrees with `augc check` and `augc fmt` of the same version.
 */
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');
const { serverCommand } = require('./server-options.js');

let client;

async function activate(context) {
  const { command, args } = serverCommand(vscode.workspace.getConfiguration('augc').get('path'));
  const watcher = vscode.workspace.createFileSystemWatcher('**/*.{aug,yaml,yml}');
  context.subscriptions.push(watcher);
  client = new LanguageClient(
    'augc',
    'augc',
    { command, args, transport: TransportKind.stdio },
    {
      documentSelector: [
        { scheme: 'file', language: 'aug' },
        { scheme: 'untitled', language: 'aug' },
      ],
      // Includes and YAML catalogues that are not open change on disk: the server rechecks.
      synchronize: { fileEvents: watcher },
    },
  );
  try {
    await client.start();
  } catch (err) {
    client = undefined;
    const reason = err instanceof Error ? err.message : String(err);
    void vscode.window.showErrorMessage(
      `augc: the language server did not start (\`${command} ${args.join(' ')}\`: ${reason}). ` +
        'Install augc, or set `augc.path` to the augc command or to bin/augc.js.',
    );
  }
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
