import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { pathOfUri, readDiskFile, uriOfPath } from './workspace-files.js';

/**
 * The documents the editor has open, and the disk for the rest: a check reads an open document's
 * text (unsaved edits included) and every other file from the disk. Files are named by path in
 * the compiler and by URI in the protocol; a document not backed by a file (`untitled:`) keeps
 * its URI as its name.
 */
export class OpenFiles {
  constructor(private readonly documents: TextDocuments<TextDocument>) {}

  get(uri: string): TextDocument | undefined {
    return this.documents.get(uri);
  }

  all(): TextDocument[] {
    return this.documents.all();
  }

  pathOf(uri: string): string {
    return pathOfUri(uri) ?? uri;
  }

  /** The URI the editor uses for an open file, else the file's own. */
  uriOf(path: string): string {
    const open = this.documents.all().find((d) => this.pathOf(d.uri) === path);
    if (open) return open.uri;
    // A scheme has two letters or more: `C:\x.aug` is a path.
    return /^[a-z][a-z0-9+.-]+:/i.test(path) ? path : uriOfPath(path);
  }

  read(path: string): string {
    const open = this.documents.all().find((d) => this.pathOf(d.uri) === path);
    return open ? open.getText() : readDiskFile(path);
  }
}
