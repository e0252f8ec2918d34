import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../../compiler/diagnostics/diagnostic.js';
import { renderGithub } from '../../../../compiler/diagnostics/render/github.js';
import { renderJson } from '../../../../compiler/diagnostics/render/json.js';
import { renderSarif } from '../../../../compiler/diagnostics/render/sarif.js';

const TEXT = 'pipeline "p" {\n  seed = "x"\n}\n';
const sources = new Map([['p.aug', TEXT]]);
const seed: Diagnostic = {
  code: 'AUG2010',
  severity: 'error',
  message: 'expected an integer, found a string',
  span: { file: 'p.aug', start: 24, end: 27 },
  help: 'write `seed = 42`',
  related: [{ span: { file: 'p.aug', start: 0, end: 8 }, message: 'in this pipeline' }],
};
const setWarning: Diagnostic = {
  code: 'AUG2011',
  severity: 'warning',
  message: 'a, b: c%',
  span: { file: '<--set>', start: 0, end: 4 },
};
const bare: Diagnostic = { code: 'AUG5001', severity: 'note', message: 'line1\nline2' };

describe('renderJson', () => {
  it('prints a stable array with 1-based UTF-16 columns and exclusive ends', () => {
    const parsed: unknown = JSON.parse(renderJson([seed, setWarning, bare], sources));
    expect(parsed).toEqual([
      {
        code: 'AUG2010',
        severity: 'error',
        message: 'expected an integer, found a string',
        span: {
          file: 'p.aug',
          start: 24,
          end: 27,
          startLine: 2,
          startColumn: 10,
          endLine: 2,
          endColumn: 13,
        },
        help: 'write `seed = 42`',
        notes: [],
        related: [
          {
            message: 'in this pipeline',
            span: {
              file: 'p.aug',
              start: 0,
              end: 8,
              startLine: 1,
              startColumn: 1,
              endLine: 1,
              endColumn: 9,
            },
          },
        ],
      },
      {
        code: 'AUG2011',
        severity: 'warning',
        message: 'a, b: c%',
        span: { file: '<--set>', start: 0, end: 4 },
        help: null,
        notes: [],
        related: [],
      },
      {
        code: 'AUG5001',
        severity: 'note',
        message: 'line1\nline2',
        span: null,
        help: null,
        notes: [],
        related: [],
      },
    ]);
  });

  it('prints an empty array for no diagnostics', () => {
    expect(renderJson([], sources)).toBe('[]\n');
  });
});

describe('renderGithub', () => {
  it('prints one escaped workflow command per diagnostic', () => {
    expect(renderGithub([seed, setWarning, bare], sources)).toBe(
      [
        '::error file=p.aug,line=2,col=10,endLine=2,endColumn=12,title=AUG2010::expected an integer, found a string%0Ahelp: write `seed = 42`',
        '::warning file=<--set>,title=AUG2011::a, b: c%25',
        '::notice title=AUG5001::line1%0Aline2',
        '',
      ].join('\n'),
    );
  });

  it('escapes commas and colons in file names', () => {
    const d: Diagnostic = {
      code: 'AUG1',
      severity: 'error',
      message: 'm',
      span: { file: 'a,b:c', start: 0, end: 0 },
    };
    expect(renderGithub([d], new Map())).toBe('::error file=a%2Cb%3Ac,title=AUG1::m\n');
  });
});

describe('renderSarif', () => {
  const codes = {
    AUG2010: { name: 'type-mismatch', summary: 'A value has the wrong type.' },
    AUG1001: { name: 'syntax-error', summary: 'The file does not parse.' },
  };

  it('emits SARIF 2.1.0 with rules from the catalogue and located results', () => {
    const log = JSON.parse(
      renderSarif([seed, setWarning], sources, { toolVersion: '1.2.3', codes }),
    );
    expect(log.version).toBe('2.1.0');
    const run = log.runs[0];
    expect(run.tool.driver).toEqual({
      name: 'augc',
      version: '1.2.3',
      rules: [
        {
          id: 'AUG1001',
          name: 'syntax-error',
          shortDescription: { text: 'The file does not parse.' },
        },
        {
          id: 'AUG2010',
          name: 'type-mismatch',
          shortDescription: { text: 'A value has the wrong type.' },
        },
      ],
    });
    expect(run.results[0]).toEqual({
      ruleId: 'AUG2010',
      ruleIndex: 1,
      level: 'error',
      message: { text: 'expected an integer, found a string\nhelp: write `seed = 42`' },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'p.aug' },
            region: {
              startLine: 2,
              startColumn: 10,
              endLine: 2,
              endColumn: 13,
              charOffset: 24,
              charLength: 3,
            },
          },
        },
      ],
      relatedLocations: [
        {
          id: 0,
          message: { text: 'in this pipeline' },
          physicalLocation: {
            artifactLocation: { uri: 'p.aug' },
            region: {
              startLine: 1,
              startColumn: 1,
              endLine: 1,
              endColumn: 9,
              charOffset: 0,
              charLength: 8,
            },
          },
        },
      ],
    });
    // `<--set>` is not a URI: the result keeps its message but has no location; no rule matches.
    expect(run.results[1]).toEqual({
      ruleId: 'AUG2011',
      level: 'warning',
      message: { text: 'a, b: c%' },
      locations: [],
    });
  });
});
