/** Decoding of string and number literals; returns an error message instead of throwing. */
export type Decoded<T> = { ok: true; value: T } | { ok: false; message: string; offset: number };

const SIMPLE_ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  n: '\n',
  t: '\t',
  r: '\r',
  '0': '\0',
};

/** Decodes the body of a quoted string (without its quotes); `offset` is relative to the body. */
export function decodeString(body: string): Decoded<string> {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i] as string;
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const next = body[i + 1] ?? '';
    const simple = SIMPLE_ESCAPES[next];
    if (simple !== undefined) {
      out += simple;
      i++;
      continue;
    }
    if (next === 'u') {
      const braced = /^\{([0-9a-fA-F]{1,6})\}/.exec(body.slice(i + 2));
      const plain = /^[0-9a-fA-F]{4}/.exec(body.slice(i + 2));
      const hex = braced?.[1] ?? plain?.[0];
      const codePoint = hex === undefined ? NaN : parseInt(hex, 16);
      if (Number.isNaN(codePoint) || codePoint > 0x10ffff) {
        return {
          ok: false,
          message: 'invalid unicode escape, expected `\\uXXXX` or `\\u{X...}`',
          offset: i,
        };
      }
      out += String.fromCodePoint(codePoint);
      i += 1 + (braced ? braced[0].length : 4);
      continue;
    }
    return { ok: false, message: `unknown escape \`\\${next}\` in string`, offset: i };
  }
  return { ok: true, value: out };
}

export interface DecodedNumber {
  value: number;
  unit?: string;
}

/** `1_000_000` -> 1000000, `2GiB` -> {2, GiB}. Underscores only between digits. */
export function decodeNumber(raw: string): Decoded<DecodedNumber> {
  const match = /^(-?[\d_.]+(?:[eE][+-]?\d+)?)([A-Za-z]*)$/.exec(raw);
  const digits = match?.[1] ?? '';
  if (/^-?\./.test(digits)) {
    const fixed = raw.replace('.', '0.');
    return { ok: false, message: `invalid number \`${raw}\`: write \`${fixed}\``, offset: 0 };
  }
  if (!match || /__|_\.|\._|_$|_[eE]/.test(digits)) {
    return {
      ok: false,
      message: `invalid number \`${raw}\`: \`_\` may only separate digits`,
      offset: 0,
    };
  }
  const value = Number(digits.replace(/_/g, ''));
  if (!Number.isFinite(value))
    return { ok: false, message: `invalid number \`${raw}\``, offset: 0 };
  const unit = match[2];
  return { ok: true, value: unit ? { value, unit } : { value } };
}
