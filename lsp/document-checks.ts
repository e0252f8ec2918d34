import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import type { PipelineAst } from '../compiler/ast/types.js';
import { checkFile, type CompileOptions } from '../compiler/compile.js';
import { DiagnosticStore, SourcePositions, toLspDiagnostics } from './lsp-diagnostics.js';
import type { OpenFiles } from './open-files.js';
import { cachedProbe } from './probe-cache.js';

/** What the server passes to every check: configured defaults and the input probe. */
export type CheckOptions = Pick<CompileOptions, 'defaults' | 'probeInput' | 'cwd'>;

export interface CheckedDocument {
  version: number;
  ast?: PipelineAst;
  /** Every file the check read (the document, its includes and imports), with its text. */
  sources: { file: string; text: string }[];
}

export type Publish = (uri: string, diagnostics: LspDiagnostic[], version?: number) => void;

/** Where a check that threw (a bug in augc) is reported; the server goes on. */
export type OnError = (uri: string, err: unknown) => void;

/**
 * Checks open documents as `augc check` does (`checkFile` with fragments allowed, the same
 * configured defaults and input probe), one check at a time per document: edits that arrive
 * while a check runs are taken by the next one, and a check of a version already checked is
 * skipped, so typing never queues a check per keystroke and no timer is involved.
 */
export class DocumentChecks {
  private readonly results = new Map<string, CheckedDocument>();
  private readonly queue = new Map<string, Promise<CheckedDocument | undefined>>();
  private readonly stale = new Set<string>();
  private readonly store = new DiagnosticStore();

  private readonly options: CheckOptions;

  constructor(
    private readonly files: OpenFiles,
    options: CheckOptions,
    private readonly publish: Publish,
    private readonly onError: OnError,
  ) {
    // Every edit is checked: the input is read again only when it changed.
    const probe = options.probeInput;
    this.options = probe ? { ...options, probeInput: cachedProbe(probe) } : options;
  }

  /** Checks the document again, after any check already queued for it. */
  request(uri: string): Promise<CheckedDocument | undefined> {
    this.stale.add(uri);
    const next = (this.queue.get(uri) ?? Promise.resolve(undefined)).then(() =>
      this.run(uri).catch((err: unknown) => {
        this.onError(uri, err);
        return undefined;
      }),
    );
    this.queue.set(uri, next);
    return next;
  }

  /** The check of the document's current text: the last one if it is still current. */
  current(uri: string): Promise<CheckedDocument | undefined> {
    const doc = this.files.get(uri);
    const last = this.results.get(uri);
    if (doc && last && last.version === doc.version && !this.stale.has(uri))
      return Promise.resolve(last);
    return this.queue.get(uri) && this.stale.has(uri)
      ? (this.queue.get(uri) as Promise<CheckedDocument | undefined>)
      : this.request(uri);
  }

  /** Open documents other than `uri` whose last check read its file (they include or import it). */
  dependents(uri: string): string[] {
    const path = this.files.pathOf(uri);
    return [...this.results]
      .filter(([other, r]) => other !== uri && r.sources.some((s) => s.file === path))
      .map(([other]) => other);
  }

  /** Every open document, e.g. after files changed on disk. */
  requestAll(): Promise<unknown> {
    return Promise.all(this.files.all().map((d) => this.request(d.uri)));
  }

  close(uri: string): void {
    this.results.delete(uri);
    this.stale.delete(uri);
    this.queue.delete(uri);
    this.send(this.store.remove(uri));
  }

  private async run(uri: string): Promise<CheckedDocument | undefined> {
    const doc = this.files.get(uri);
    if (!doc) return undefined;
    if (!this.stale.has(uri)) return this.results.get(uri);
    this.stale.delete(uri);
    const path = this.files.pathOf(uri);
    const version = doc.version;
    const result = await checkFile(path, {
      ...this.options,
      readFile: (p) => this.files.read(p),
      fragments: true,
    });
    // Closed while it ran: its diagnostics must not come back.
    if (!this.files.get(uri)) return undefined;
    const sources =
      result.sources.length > 0 ? result.sources : [{ file: path, text: doc.getText() }];
    const checked: CheckedDocument = {
      version,
      sources,
      ...(result.ast ? { ast: result.ast } : {}),
    };
    this.results.set(uri, checked);
    const byFile = toLspDiagnostics(result.diagnostics, new SourcePositions(sources), path, (f) =>
      this.files.uriOf(f),
    );
    this.send(this.store.set(uri, byFile), path, version);
    return checked;
  }

  private send(files: readonly string[], own?: string, version?: number): void {
    for (const file of files)
      this.publish(
        this.files.uriOf(file),
        this.store.for(file),
        file === own ? version : undefined,
      );
  }
}
