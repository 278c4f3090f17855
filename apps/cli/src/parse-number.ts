/**
 * Strict float64 parsing for CSV cells. Number() alone is too lenient for data files: it reads '' as 0,
 * '0x1f' as 31 and ' 1e3 ' as 1000, so the cell is checked against a decimal grammar first.
 */

// Decimal with optional sign, fraction and exponent: 1, -1.5, .5, 5., 1e-3, +2E+10.
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

// A Map, not an object literal, so cells like "constructor" cannot hit prototype properties.
const SPECIAL = new Map<string, number>([
  ['nan', NaN],
  ['+nan', NaN],
  ['-nan', NaN],
  ['inf', Infinity],
  ['+inf', Infinity],
  ['-inf', -Infinity],
  ['infinity', Infinity],
  ['+infinity', Infinity],
  ['-infinity', -Infinity],
]);

/**
 * Returns the cell's float64 value, NaN for an empty (or blank) cell, or undefined when the cell is not a
 * number. Surrounding spaces/tabs are ignored ("a, 1" style CSV); anything else must be the number.
 */
export function parseCell(text: string): number | undefined {
  let s = text;
  // Most cells have no padding; only spaces and tabs are trimmed (String.trim would also take NBSP etc.).
  if (s.length > 0 && (isBlank(s.charCodeAt(0)) || isBlank(s.charCodeAt(s.length - 1)))) s = trimBlanks(s);
  if (s.length === 0) return NaN;
  // Fast path: Number() is strict about trailing junk, and besides the decimal grammar it only takes
  // 0x/0o/0b prefixes, "Infinity" and Unicode whitespace, which the first/last-character checks exclude.
  const v = Number(s);
  if (v === v && startsNumber(s.charCodeAt(0)) && endsNumber(s.charCodeAt(s.length - 1)) && !hasRadixPrefix(s)) return v;
  if (DECIMAL.test(s)) return v;
  // Special names are at most 9 characters; skip the lowercase copy for anything longer.
  return s.length <= 9 ? SPECIAL.get(s.toLowerCase()) : undefined;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function startsNumber(c: number): boolean {
  return isDigit(c) || c === 0x2b || c === 0x2d || c === 0x2e; // digit + - .
}

function endsNumber(c: number): boolean {
  return isDigit(c) || c === 0x2e;
}

function hasRadixPrefix(s: string): boolean {
  return s.length > 2 && s.charCodeAt(0) === 0x30 && !isDigit(s.charCodeAt(1)) && s.charCodeAt(1) !== 0x2e;
}

function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09;
}

function trimBlanks(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isBlank(s.charCodeAt(a))) a++;
  while (b > a && isBlank(s.charCodeAt(b - 1))) b--;
  return s.slice(a, b);
}

/** Parses a --q style list "0.5,0.9" into numbers; returns the offending item on failure. */
export function parseNumberList(text: string): { values: number[] } | { bad: string } {
  const values: number[] = [];
  for (const item of text.split(',')) {
    const s = item.trim();
    if (s === '' || !DECIMAL.test(s)) return { bad: item };
    values.push(Number(s));
  }
  return { values };
}
