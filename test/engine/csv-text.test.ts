import { describe, expect, it } from 'vitest';
import { csvLine, csvText } from '../../engine/csv-text.js';

describe('csvText', () => {
  it('quotes only the fields that need it and ends lines with CRLF', () => {
    expect(csvLine(['a', 1, null, 'x,y', 'say "hi"', 'two\nlines'])).toBe(
      'a,1,,"x,y","say ""hi""","two\nlines"\r\n',
    );
    expect(csvText(['b', 'a'], [{ a: 1, b: 'q' }, { a: 2 }])).toBe('b,a\r\nq,1\r\n,2\r\n');
  });
});
