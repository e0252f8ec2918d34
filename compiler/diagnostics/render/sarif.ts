import { CODES } from '../codes/index.js';
import type { CodeTable } from '../codes/types.js';
import type { Diagnostic, Severity, Span } from '../diagnostic.js';
import { spanResolver, type SpanResolver } from './resolve-span.js';

export interface RenderSarifOptions {
  toolVersion: string;
  /** The catalogue listed as `tool.driver.rules`; defaults to every known code. */
  codes?: CodeTable;
}

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  note: 'note',
};

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** Pseudo-files such as `<--set>` are not URIs, so they get no physical location. */
function physicalLocation(span: Span, resolve: SpanResolver) {
  if (span.file.startsWith('<')) return undefined;
  const r = resolve(span);
  const uri = span.file.replaceAll('\\', '/');
  const region = r
    ? {
        startLine: r.startLine,
        startColumn: r.startColumn,
        endLine: r.endLine,
        endColumn: r.endColumn,
        charOffset: span.start,
        charLength: Math.max(0, span.end - span.start),
      }
    : { charOffset: span.start, charLength: Math.max(0, span.end - span.start) };
  return { artifactLocation: { uri }, region };
}

function messageText(d: Diagnostic): string {
  return [d.message, ...(d.help === undefined ? [] : [`help: ${d.help}`]), ...(d.notes ?? [])].join(
    '\n',
  );
}

function result(d: Diagnostic, ruleIds: string[], resolve: SpanResolver) {
  const ruleIndex = ruleIds.indexOf(d.code);
  const location = d.span ? physicalLocation(d.span, resolve) : undefined;
  const related = (d.related ?? []).flatMap((r, id) => {
    const loc = physicalLocation(r.span, resolve);
    return loc ? [{ id, physicalLocation: loc, message: { text: r.message } }] : [];
  });
  return {
    ruleId: d.code,
    ...(ruleIndex >= 0 ? { ruleIndex } : {}),
    level: LEVEL[d.severity],
    message: { text: messageText(d) },
    locations: location ? [{ physicalLocation: location }] : [],
    ...(related.length > 0 ? { relatedLocations: related } : {}),
  };
}

/** SARIF 2.1.0 log with one run; columns are UTF-16 code units, SARIF's default `columnKind`. */
export function renderSarif(
  diags: readonly Diagnostic[],
  sources: ReadonlyMap<string, string>,
  options: RenderSarifOptions,
): string {
  const codes = options.codes ?? CODES;
  const ruleIds = Object.keys(codes).sort();
  const rules = ruleIds.map((id) => ({
    id,
    name: codes[id]?.name ?? id,
    shortDescription: { text: codes[id]?.summary ?? '' },
  }));
  const resolve = spanResolver(sources);
  const log = {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'augc', version: options.toolVersion, rules } },
        columnKind: 'utf16CodeUnits',
        results: diags.map((d) => result(d, ruleIds, resolve)),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
