import { describe, expect, test } from 'vitest';
import { TARGETS } from '../../../compiler/targets/catalog.js';
import { listAliases, listMethods } from '../../../stdlib/catalog/index.js';

// Parameter and target-option docs are shown as `= help:` lines, so they follow the diagnostic
// style (rustc's): lowercase start (acronyms and names aside), no final period, and backticks
// only in pairs around code, never as apostrophes (`word's`, not "word`s").
const helpTexts: [string, string][] = [
  ...listMethods().flatMap((m) =>
    m.params.map((p): [string, string] => [`${m.name}.${p.name}`, p.doc]),
  ),
  ...TARGETS.flatMap((t) => t.options.map((o): [string, string] => [`${t.name}.${o.name}`, o.doc])),
];

const proseTexts: [string, string][] = [
  ...listMethods().flatMap((m): [string, string][] => [
    [`${m.name} summary`, m.summary],
    [`${m.name} doc`, m.doc],
  ]),
  ...listAliases().map((a): [string, string] => [`${a.alias} doc`, a.doc]),
  ...TARGETS.map((t): [string, string] => [`${t.name} summary`, t.summary]),
];

function capitalisedWord(text: string): string | undefined {
  const first = /^[A-Za-z][\w-]*/.exec(text)?.[0];
  // An acronym or a name keeps its capitals (`GPU type`, `PBS Pro`, `CPUs`, `TextAttack`).
  return first !== undefined && /^[A-Z][a-z]+$/.test(first) ? first : undefined;
}

describe('catalogue help texts', () => {
  test('there are some', () => {
    expect(helpTexts.length).toBeGreaterThan(50);
  });

  test('start lowercase and end without a period', () => {
    const bad = helpTexts.filter(
      ([, doc]) => capitalisedWord(doc) !== undefined || /\.$/.test(doc) || doc.trim() !== doc,
    );
    expect(bad).toEqual([]);
  });

  test('use backticks only in pairs, never as apostrophes', () => {
    const bad = [...helpTexts, ...proseTexts].filter(
      ([, text]) => /\w`\w/.test(text) || (text.match(/`/g) ?? []).length % 2 !== 0,
    );
    expect(bad).toEqual([]);
  });

  test('the style check catches what it is meant to', () => {
    expect(capitalisedWord('Share of tokens')).toBe('Share');
    expect(capitalisedWord('GPU type')).toBeUndefined();
    expect(/\w`\w/.test('a word`s characters')).toBe(true);
  });
});
