import {
  LSPErrorCodes,
  ResponseError,
  type CompletionItem,
  type Connection,
  type Hover,
  type Location,
  type TextDocumentPositionParams,
  type TextDocuments,
  type TextEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { parseSource } from '../compiler/syntax/parse-source.js';
import { completeAt } from './completion.js';
import { definitionAt } from './definition.js';
import type { CheckedDocument, DocumentChecks } from './document-checks.js';
import { formatDocument } from './format-document.js';
import { hoverAt } from './hover.js';
import { SourcePositions } from './lsp-diagnostics.js';
import type { OpenFiles } from './open-files.js';
import { listFolder } from './workspace-files.js';

interface Context {
  documents: TextDocuments<TextDocument>;
  files: OpenFiles;
  checks: DocumentChecks;
}

/** An open document at a position, with the check of its current text. */
interface At {
  doc: TextDocument;
  offset: number;
  checked: CheckedDocument | undefined;
}

async function locate(ctx: Context, params: TextDocumentPositionParams): Promise<At | undefined> {
  const doc = ctx.documents.get(params.textDocument.uri);
  if (!doc) return undefined;
  const checked = await ctx.checks.current(doc.uri);
  return { doc, offset: doc.offsetAt(params.position), checked };
}

async function hover(ctx: Context, params: TextDocumentPositionParams): Promise<Hover | null> {
  const at = await locate(ctx, params);
  if (!at) return null;
  const source = parseSource(ctx.files.pathOf(at.doc.uri), at.doc.getText()).value;
  const found = source && hoverAt(source, at.offset, at.checked?.ast);
  if (!found) return null;
  const { start, end } = found.span;
  return {
    contents: { kind: 'markdown', value: found.markdown },
    range: { start: at.doc.positionAt(start), end: at.doc.positionAt(end) },
  };
}

async function completion(
  ctx: Context,
  params: TextDocumentPositionParams,
): Promise<CompletionItem[]> {
  const at = await locate(ctx, params);
  if (!at) return [];
  const { doc } = at;
  return completeAt({
    path: ctx.files.pathOf(doc.uri),
    text: doc.getText(),
    offset: at.offset,
    methods: at.checked?.ast?.methods.map((m) => m.name.value) ?? [],
    listDir: listFolder,
    range: (start, end) => ({ start: doc.positionAt(start), end: doc.positionAt(end) }),
  });
}

async function definition(
  ctx: Context,
  params: TextDocumentPositionParams,
): Promise<Location | null> {
  const at = await locate(ctx, params);
  if (!at) return null;
  const source = parseSource(ctx.files.pathOf(at.doc.uri), at.doc.getText()).value;
  const span = source && definitionAt(source, at.offset, at.checked?.ast);
  if (!span) return null;
  const positions = new SourcePositions(at.checked?.sources ?? []);
  return { uri: ctx.files.uriOf(span.file), range: positions.range(span) };
}

function formatting(ctx: Context, uri: string): TextEdit[] | null {
  const doc = ctx.documents.get(uri);
  if (!doc) return null;
  const result = formatDocument(doc, ctx.files.pathOf(doc.uri));
  if ('refused' in result) throw new ResponseError(LSPErrorCodes.RequestFailed, result.refused);
  return result.edits;
}

/**
 * Hover, completion and definition answer on the syntax tree of the document's current text and
 * on the check of that text (waiting for one in flight); formatting is `augc fmt`.
 */
export function answerRequests(connection: Connection, ctx: Context): void {
  connection.onHover((params) => hover(ctx, params));
  connection.onCompletion((params) => completion(ctx, params));
  connection.onDefinition((params) => definition(ctx, params));
  connection.onDocumentFormatting(({ textDocument }) => formatting(ctx, textDocument.uri));
}
