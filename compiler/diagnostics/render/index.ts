export { lineIndex, type LineCol, type LineIndex } from './line-index.js';
export { renderHuman, type RenderHumanOptions } from './human.js';
export { renderJson, type JsonDiagnostic, type JsonSpan } from './json.js';
export { renderGithub } from './github.js';
export { renderSarif, type RenderSarifOptions } from './sarif.js';
export type { ResolvedSpan } from './resolve-span.js';
