import {
  createConnection,
  MessageType,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type Diagnostic as LspDiagnostic,
  type InitializeResult,
  type WatchDog,
} from 'vscode-languageserver';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from '../compiler/diagnostics/diagnostic.js';
import { COMPILER_VERSION } from '../compiler/version.js';
import { DocumentChecks, type CheckOptions } from './document-checks.js';
import { SourcePositions, toLspDiagnostics } from './lsp-diagnostics.js';
import { OpenFiles } from './open-files.js';
import { answerRequests } from './requests.js';

export interface LanguageServerOptions {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  check: CheckOptions;
  /** What reading the user's configuration found wrong (`augc check` reports it too), and its text. */
  config?: { diagnostics: Diagnostic[]; sources: { file: string; text: string }[] };
}

const CAPABILITIES: InitializeResult['capabilities'] = {
  textDocumentSync: TextDocumentSyncKind.Incremental,
  hoverProvider: true,
  completionProvider: { triggerCharacters: ['(', '[', '"', '/'] },
  definitionProvider: true,
  documentFormattingProvider: true,
};

/**
 * `augc lsp`: a Language Server over the given streams. It resolves with the exit code once the
 * client sends `exit` (0 after `shutdown`, else 1, as the protocol asks) or closes the input,
 * leaving the process to the CLI.
 */
export function startLanguageServer(opts: LanguageServerOptions): Promise<number> {
  let shutdown = false;
  let finish: (code: number) => void = () => undefined;
  const finished = new Promise<number>((resolve) => (finish = resolve));
  const watchDog: WatchDog = {
    get shutdownReceived() {
      return shutdown;
    },
    set shutdownReceived(value) {
      shutdown = value;
    },
    initialize: () => undefined,
    exit: (code) => finish(code),
  };
  const connection = createConnection(
    (logger) =>
      createProtocolConnection(
        new StreamMessageReader(opts.input),
        new StreamMessageWriter(opts.output),
        logger,
      ),
    watchDog,
  );
  opts.input.on('end', () => finish(shutdown ? 0 : 1));
  serve(connection, opts);
  connection.listen();
  return finished.then((code) => {
    connection.dispose();
    return code;
  });
}

function serve(connection: Connection, opts: LanguageServerOptions): void {
  const documents = new TextDocuments(TextDocument);
  const files = new OpenFiles(documents);
  const publish = (uri: string, diagnostics: LspDiagnostic[], version?: number): void =>
    void connection.sendDiagnostics({
      uri,
      diagnostics,
      ...(version === undefined ? {} : { version }),
    });
  const checks = new DocumentChecks(files, opts.check, publish, (uri, err) =>
    connection.console.error(
      `internal error (a bug in augc) checking ${uri}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
    ),
  );
  connection.onInitialize(() => ({
    capabilities: CAPABILITIES,
    serverInfo: { name: 'augc', version: COMPILER_VERSION },
  }));
  connection.onInitialized(() => reportConfig(connection, files, opts.config));
  documents.onDidChangeContent(({ document }) => {
    void checks.request(document.uri);
    for (const uri of checks.dependents(document.uri)) void checks.request(uri);
  });
  documents.onDidClose(({ document }) => {
    checks.close(document.uri);
    for (const uri of checks.dependents(document.uri)) void checks.request(uri);
  });
  connection.onDidChangeWatchedFiles(() => void checks.requestAll());
  answerRequests(connection, { documents, files, checks });
  documents.listen(connection);
}

/** The configuration's problems: in its file where they have a place, else as a message. */
function reportConfig(
  connection: Connection,
  files: OpenFiles,
  config: LanguageServerOptions['config'],
): void {
  if (!config || config.diagnostics.length === 0) return;
  const placed = config.diagnostics.filter((d) => d.span);
  const positions = new SourcePositions(config.sources);
  // A notification: `window.showWarningMessage` would be a request that waits for an answer.
  for (const d of config.diagnostics.filter((x) => !x.span))
    void connection.sendNotification(ShowMessageNotification.type, {
      type: MessageType.Warning,
      message: `augc: ${d.code}: ${d.message}`,
    });
  const [first] = placed;
  if (!first?.span) return;
  const byFile = toLspDiagnostics(placed, positions, first.span.file, (f) => files.uriOf(f));
  for (const [file, diagnostics] of byFile)
    void connection.sendDiagnostics({ uri: files.uriOf(file), diagnostics });
}
