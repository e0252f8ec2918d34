/**
 * The user's config file, `~/.config/augc/config.yaml` (`$XDG_CONFIG_HOME/augc/config.yaml`) or
 * `$AUGC_CONFIG`, read with the place of every key so that problems point at `file:line:col`.
 * Only the CLI reads the home directory and the environment.
 */
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { isMap, isScalar, parseDocument, type Node } from 'yaml';
import type { Diagnostic, Span } from '../compiler/diagnostics/diagnostic.js';

type Env = Readonly<Record<string, string | undefined>>;

/** `section: { key: value }`, with where the key and the value are written. */
export interface ConfigEntry {
  section: string;
  key: string;
  value: unknown;
  keySpan: Span;
  valueSpan: Span;
}

export interface ConfigFile {
  path: string;
  /** The file's text, for rendering diagnostics; undefined when there is no file. */
  text?: string;
  /** Sections whose value is a map: their keys. */
  entries: ConfigEntry[];
  /** Top-level keys, with where each is written. */
  sections: { name: string; span: Span }[];
  diagnostics: Diagnostic[];
}

export function configPathOf(env: Env): string {
  if (env['AUGC_CONFIG']) return env['AUGC_CONFIG'];
  const base = env['XDG_CONFIG_HOME'] || join(env['HOME'] ?? homedir(), '.config');
  return join(base, 'augc', 'config.yaml');
}

function spanOf(file: string, node: Node | null | undefined): Span {
  const [start, end] = node?.range ?? [0, 0];
  return { file, start, end };
}

function readText(path: string, env: Env): { text?: string; diagnostic?: Diagnostic } {
  try {
    return { text: readFileSync(path, 'utf8') };
  } catch (err) {
    const code = (err as { code?: string }).code;
    // Without a config file there are simply no configured defaults; a named one must exist.
    if (code === 'ENOENT' && !env['AUGC_CONFIG']) return {};
    const missing = code === 'ENOENT';
    return {
      diagnostic: {
        code: 'AUG4007',
        severity: 'error',
        message: missing
          ? `\`AUGC_CONFIG=${path}\`: the config file does not exist`
          : `cannot read the config file \`${path}\`: ${err instanceof Error ? err.message : String(err)}`,
        help: missing
          ? 'point `AUGC_CONFIG` at an existing file, or unset it to use ~/.config/augc/config.yaml'
          : 'check the file is readable',
      },
    };
  }
}

function badFile(message: string, span?: Span): Diagnostic {
  return {
    code: 'AUG4010',
    severity: 'error',
    message,
    ...(span ? { span } : {}),
    help: 'it is YAML: `resources: { memory: 8GiB }`, `slurm: { partition: gpu }`',
  };
}

/** The config file's sections and keys; a missing default file is an empty one. */
export function readConfigFile(env: Env): ConfigFile {
  const path = configPathOf(env);
  const read = readText(path, env);
  const empty = { path, entries: [], sections: [] };
  if (read.text === undefined)
    return { ...empty, diagnostics: read.diagnostic ? [read.diagnostic] : [] };
  const text = read.text;
  const doc = parseDocument(text);
  const [error] = doc.errors;
  if (error) {
    const span = { file: path, start: error.pos[0], end: error.pos[1] };
    const message = `the config file \`${path}\` is not valid YAML: ${error.message.split('\n')[0] ?? ''}`;
    return { ...empty, text, diagnostics: [badFile(message, span)] };
  }
  if (doc.contents === null) return { ...empty, text, diagnostics: [] };
  if (!isMap(doc.contents)) {
    const span = spanOf(path, doc.contents);
    const message = `the config file \`${path}\` must be a map of sections`;
    return { ...empty, text, diagnostics: [badFile(message, span)] };
  }
  const js = doc.toJS() as Record<string, Record<string, unknown>>;
  const file: ConfigFile = { ...empty, entries: [], sections: [], text, diagnostics: [] };
  for (const pair of doc.contents.items) {
    if (!isScalar(pair.key)) continue;
    const name = String(pair.key.value);
    file.sections.push({ name, span: spanOf(path, pair.key) });
    if (!isMap(pair.value)) {
      const message = `section \`${name}\` of the config file must be a map of options`;
      file.diagnostics.push(badFile(message, spanOf(path, pair.key)));
      continue;
    }
    for (const item of pair.value.items) {
      if (!isScalar(item.key)) continue;
      file.entries.push({
        section: name,
        key: String(item.key.value),
        value: js[name]?.[String(item.key.value)],
        keySpan: spanOf(path, item.key),
        valueSpan: spanOf(path, item.value as Node | null),
      });
    }
  }
  return file;
}
