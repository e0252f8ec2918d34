import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CODES } from '../../compiler/diagnostics/codes/index.js';
import { renderDiagnosticsDoc } from '../../compiler/diagnostics/render/diagnostics-doc.js';

describe('docs/diagnostics.md', () => {
  it('is up to date with the catalogue (regenerate: npm run build && node scripts/gen-diagnostics-doc.js)', () => {
    expect(readFileSync('docs/diagnostics.md', 'utf8')).toBe(renderDiagnosticsDoc(CODES));
  });

  it('lists every code once with its name', () => {
    const doc = renderDiagnosticsDoc({
      AUG5002: { name: 'file-not-found', summary: 'a | b' },
      AUG1001: { name: 'x', summary: 'y' },
    });
    expect(doc).toContain('| AUG1001 | `x` | y |');
    expect(doc).toContain('| AUG5002 | `file-not-found` | a \\| b |');
    expect(doc.indexOf('AUG1001')).toBeLessThan(doc.indexOf('AUG5002'));
    expect(doc).not.toContain('## Semantics');
  });
});
