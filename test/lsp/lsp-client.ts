/**
 * A language client for tests: spawns the built `node bin/augc.js lsp --stdio` and speaks
 * JSON-RPC to it over its stdin and stdout with vscode-jsonrpc's own reader and writer (the
 * framing VS Code uses). Diagnostics are awaited as they are published, never by sleeping.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type CompletionItem,
  type Diagnostic,
  type Hover,
  type Location,
  type PublishDiagnosticsParams,
  type TextEdit,
} from 'vscode-languageserver/node';

export const uriOf = (path: string): string => pathToFileURL(resolve(path)).href;

export interface Position {
  line: number;
  character: number;
}

interface Waiter {
  match: (p: PublishDiagnosticsParams) => boolean;
  resolve: (p: PublishDiagnosticsParams) => void;
  reject: (err: Error) => void;
}

export interface LspSession {
  /** Every publication received, in order. */
  published: PublishDiagnosticsParams[];
  open(path: string, text?: string): Promise<Diagnostic[]>;
  change(path: string, text: string): Promise<Diagnostic[]>;
  /** An incremental change, as VS Code sends while typing: `text` replaces `range`. */
  edit(
    path: string,
    range: { start: Position; end: Position },
    text: string,
  ): Promise<Diagnostic[]>;
  /**
   * Resolves with the first publication for `path` that `match` accepts, among those received
   * from index `from` of `published` on (past or future).
   */
  diagnosticsFor(
    path: string,
    match?: (p: PublishDiagnosticsParams) => boolean,
    from?: number,
  ): Promise<Diagnostic[]>;
  /** The first `window/showMessage` the server sends (past or future). */
  message(): Promise<{ type: number; message: string }>;
  /** Sends a notification as is (e.g. `workspace/didChangeWatchedFiles`). */
  notify(method: string, params: unknown): Promise<void>;
  close(path: string): Promise<void>;
  hover(path: string, at: Position): Promise<Hover | null>;
  completion(path: string, at: Position): Promise<CompletionItem[]>;
  definition(path: string, at: Position): Promise<Location | null>;
  format(path: string): Promise<TextEdit[] | null>;
  /** `shutdown` (unless told not to), then `exit`; resolves with the server's exit code. */
  stop(opts?: { shutdown: boolean }): Promise<number | null>;
  /** Closes the server's stdin, as an editor that dies does; resolves with its exit code. */
  hangUp(): Promise<number | null>;
  stderr(): string;
}

/** An empty config home, so no user's configuration reaches the server (or `augc check`). */
export function cleanEnv(extra: Record<string, string> = {}): Record<string, string> {
  const home = mkdtempSync(join(tmpdir(), 'augc-lsp-home-'));
  return { XDG_CONFIG_HOME: home, AUGC_CONFIG: '', NO_COLOR: '1', ...extra };
}

export async function startLsp(env: Record<string, string> = cleanEnv()): Promise<LspSession> {
  const child = spawn(process.execPath, ['bin/augc.js', 'lsp', '--stdio'], {
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const waiters: Waiter[] = [];
  // A server that dies fails what waits on it, instead of leaving the test to time out.
  const exited = new Promise<number | null>((r) =>
    child.on('close', (code) => {
      for (const w of waiters.splice(0))
        w.reject(new Error(`augc lsp exited (${code}) before publishing:\n${stderr}`));
      r(code);
    }),
  );
  const connection = createProtocolConnection(
    new StreamMessageReader(child.stdout),
    new StreamMessageWriter(child.stdin),
  );
  const published: PublishDiagnosticsParams[] = [];
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    published.push(p);
    for (const w of [...waiters])
      if (w.match(p)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(p);
      }
  });
  const messages: { type: number; message: string }[] = [];
  let onMessage: (m: { type: number; message: string }) => void = (m) => messages.push(m);
  connection.onNotification('window/showMessage', (m: { type: number; message: string }) =>
    onMessage(m),
  );
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: uriOf('.'),
    capabilities: {},
  });
  await connection.sendNotification('initialized', {});

  const versions = new Map<string, number>();
  const diagnosticsFor = (
    path: string,
    match: (p: PublishDiagnosticsParams) => boolean = () => true,
    from = 0,
  ): Promise<Diagnostic[]> => {
    const uri = uriOf(path);
    const ok = (p: PublishDiagnosticsParams) => p.uri === uri && match(p);
    const past = published.slice(from).find(ok);
    if (past) return Promise.resolve(past.diagnostics);
    return new Promise((r, reject) =>
      waiters.push({ match: ok, resolve: (p) => r(p.diagnostics), reject }),
    );
  };
  const ofVersion = (v: number) => (p: PublishDiagnosticsParams) => p.version === v;
  const at = (path: string, position: Position) => ({
    textDocument: { uri: uriOf(path) },
    position,
  });
  return {
    published,
    diagnosticsFor,
    async open(path, text = readFileSync(path, 'utf8')) {
      versions.set(path, 1);
      await connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri: uriOf(path), languageId: 'aug', version: 1, text },
      });
      return diagnosticsFor(path, ofVersion(1));
    },
    async change(path, text) {
      const version = (versions.get(path) ?? 1) + 1;
      versions.set(path, version);
      await connection.sendNotification('textDocument/didChange', {
        textDocument: { uri: uriOf(path), version },
        contentChanges: [{ text }],
      });
      return diagnosticsFor(path, ofVersion(version));
    },
    message: () =>
      messages[0]
        ? Promise.resolve(messages[0])
        : new Promise((r) => {
            onMessage = (m) => {
              messages.push(m);
              r(m);
            };
          }),
    notify: (method, params) => connection.sendNotification(method, params),
    close: (path) =>
      connection.sendNotification('textDocument/didClose', { textDocument: { uri: uriOf(path) } }),
    async edit(path, range, text) {
      const version = (versions.get(path) ?? 1) + 1;
      versions.set(path, version);
      await connection.sendNotification('textDocument/didChange', {
        textDocument: { uri: uriOf(path), version },
        contentChanges: [{ range, text }],
      });
      return diagnosticsFor(path, ofVersion(version));
    },
    hover: (path, position) => connection.sendRequest('textDocument/hover', at(path, position)),
    completion: async (path, position) =>
      (await connection.sendRequest<CompletionItem[] | null>(
        'textDocument/completion',
        at(path, position),
      )) ?? [],
    definition: (path, position) =>
      connection.sendRequest('textDocument/definition', at(path, position)),
    format: (path) =>
      connection.sendRequest('textDocument/formatting', {
        textDocument: { uri: uriOf(path) },
        options: { tabSize: 2, insertSpaces: true },
      }),
    async stop({ shutdown } = { shutdown: true }) {
      if (shutdown) await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      const code = await exited;
      connection.dispose();
      return code;
    },
    async hangUp() {
      child.stdin.end();
      const code = await exited;
      connection.dispose();
      return code;
    },
    stderr: () => stderr,
  };
}

/** The line and character of the first occurrence of `needle` in `text`, plus `shift` characters. */
export function positionOf(text: string, needle: string, shift = 0): Position {
  const offset = text.indexOf(needle);
  if (offset < 0) throw new Error(`\`${needle}\` is not in the text`);
  const before = text.slice(0, offset + shift).split('\n');
  return { line: before.length - 1, character: before.at(-1)!.length };
}

/** Text written with a `|` where the cursor is: the text without it, and the cursor's position. */
export function withCursor(marked: string): { text: string; at: Position } {
  const offset = marked.indexOf('|');
  if (offset < 0) throw new Error('no `|` cursor in the text');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const before = text.slice(0, offset).split('\n');
  return { text, at: { line: before.length - 1, character: before.at(-1)!.length } };
}
