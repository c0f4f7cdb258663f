/**
 * JSON of any size read from bytes, and written in pieces: a province's dataset (a million labourers,
 * some 860 MB) or its plan is longer than the longest string the JavaScript engine makes (about
 * 512 MB), so it can be neither one `JSON.parse` nor one `JSON.stringify`.
 *
 * Reading a document of up to 256 MB is one `JSON.parse` of its text; a longer one's grammar is
 * checked in one pass over its bytes, and each element of its large arrays (the document's own
 * elements when it is an array, else those of its members' arrays) goes to `JSON.parse` on its own.
 * The value is the one `JSON.parse` gives for the whole text either way, and a syntax error is
 * located by the grammar pass and told with its line and column. Writing gives, piece by piece,
 * exactly the text of `JSON.stringify(value, null, 2)` and a newline.
 *
 * @module
 */

/** A syntax error at a byte offset of a JSON document. */
export class JsonSyntaxError extends Error {
  override readonly name = 'JsonSyntaxError';
  constructor(
    /** The offset of the offending byte (the length of the input at an unexpected end). */
    readonly offset: number,
    /** What is wrong, in English. */
    readonly what: string,
    /** The same in Chinese. */
    readonly whatZh: string,
  ) {
    super(what);
  }
}

const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const MINUS = 0x2d;
const PLUS = 0x2b;
const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;

/** The character at an offset, for a message: quoted, control characters escaped. */
function shown(b: Uint8Array, i: number): string {
  if (i >= b.length) return '';
  const c = b[i]!;
  if (c < 0x80) return JSON.stringify(String.fromCharCode(c));
  // The whole character of a multi-byte sequence.
  const n = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
  return JSON.stringify(new TextDecoder().decode(b.subarray(i, Math.min(b.length, i + n))));
}

function unexpected(b: Uint8Array, i: number, expected: string, expectedZh: string): JsonSyntaxError {
  if (i >= b.length)
    return new JsonSyntaxError(
      i,
      `unexpected end of the text, expected ${expected}`,
      `文本意外结束，应为${expectedZh}`,
    );
  const c = shown(b, i);
  return new JsonSyntaxError(i, `unexpected ${c}, expected ${expected}`, `不应出现 ${c}，应为${expectedZh}`);
}

function skipSpace(b: Uint8Array, i: number): number {
  const n = b.length;
  while (i < n) {
    const c = b[i]!;
    if (c !== SPACE && c !== LF && c !== CR && c !== TAB) break;
    i++;
  }
  return i;
}

function isHex(c: number): boolean {
  return (c >= ZERO && c <= NINE) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

/** The end of the string starting at `i` (a quote). */
function scanString(b: Uint8Array, i: number): number {
  const n = b.length;
  i++;
  for (;;) {
    if (i >= n) throw new JsonSyntaxError(n, 'a string is not closed', '字符串没有结束引号');
    const c = b[i]!;
    if (c === QUOTE) return i + 1;
    if (c === BACKSLASH) {
      const e = b[i + 1];
      if (e === 0x75) {
        for (let k = 2; k < 6; k++)
          if (i + k >= n || !isHex(b[i + k]!))
            throw new JsonSyntaxError(
              i,
              'a \\u escape needs four hexadecimal digits',
              '\\u 转义应有四位十六进制数字',
            );
        i += 6;
      } else if (
        e === QUOTE ||
        e === BACKSLASH ||
        e === 0x2f ||
        e === 0x62 ||
        e === 0x66 ||
        e === 0x6e ||
        e === 0x72 ||
        e === 0x74
      )
        i += 2;
      else throw new JsonSyntaxError(i, 'an invalid escape in a string', '字符串中有无效的转义');
    } else if (c < 0x20)
      throw new JsonSyntaxError(
        i,
        `a control character ${shown(b, i)} in a string`,
        `字符串中有控制字符 ${shown(b, i)}`,
      );
    else i++;
  }
}

function digits(b: Uint8Array, i: number): number {
  while (i < b.length && b[i]! >= ZERO && b[i]! <= NINE) i++;
  return i;
}

/** The end of the number starting at `i`. */
function scanNumber(b: Uint8Array, i: number): number {
  const bad = (): JsonSyntaxError => new JsonSyntaxError(i, 'an invalid number', '无效的数字');
  let j = i;
  if (b[j] === MINUS) j++;
  if (b[j] === ZERO) j++;
  else if (b[j] !== undefined && b[j]! > ZERO && b[j]! <= NINE) j = digits(b, j);
  else throw bad();
  if (b[j] === DOT) {
    const k = digits(b, j + 1);
    if (k === j + 1) throw bad();
    j = k;
  }
  if (b[j] === 0x65 || b[j] === 0x45) {
    j++;
    if (b[j] === PLUS || b[j] === MINUS) j++;
    const k = digits(b, j);
    if (k === j) throw bad();
    j = k;
  }
  return j;
}

function scanWord(b: Uint8Array, i: number, word: string): number {
  for (let k = 0; k < word.length; k++)
    if (b[i + k] !== word.charCodeAt(k)) throw unexpected(b, i + k, `the value ${word}`, `值 ${word}`);
  return i + word.length;
}

/** The end of the value starting at `i` (after any space), its whole grammar checked. */
function scanValue(b: Uint8Array, i: number): number {
  // Containers open are kept on a stack (1 an object, 2 an array), so depth costs no recursion.
  const stack: number[] = [];
  for (;;) {
    i = skipSpace(b, i);
    const c = b[i];
    if (c === QUOTE) i = scanString(b, i);
    else if (c === OPEN_OBJECT) {
      i = skipSpace(b, i + 1);
      if (b[i] === CLOSE_OBJECT) i++;
      else {
        stack.push(1);
        if (b[i] !== QUOTE) throw unexpected(b, i, 'a key in quotes or }', '带引号的键名或 }');
        i = skipSpace(b, scanString(b, i));
        if (b[i] !== COLON) throw unexpected(b, i, ':', ':');
        i++;
        continue;
      }
    } else if (c === OPEN_ARRAY) {
      i = skipSpace(b, i + 1);
      if (b[i] === CLOSE_ARRAY) i++;
      else {
        stack.push(2);
        continue;
      }
    } else if (c === MINUS || (c !== undefined && c >= ZERO && c <= NINE)) i = scanNumber(b, i);
    else if (c === 0x74) i = scanWord(b, i, 'true');
    else if (c === 0x66) i = scanWord(b, i, 'false');
    else if (c === 0x6e) i = scanWord(b, i, 'null');
    else throw unexpected(b, i, 'a value', '一个值');
    // A value ended: close the containers it ends, then go on to the next one.
    for (;;) {
      if (stack.length === 0) return i;
      i = skipSpace(b, i);
      const top = stack[stack.length - 1]!;
      const d = b[i];
      if (d === COMMA) {
        i++;
        if (top === 1) {
          i = skipSpace(b, i);
          if (b[i] !== QUOTE) throw unexpected(b, i, 'a key in quotes', '带引号的键名');
          i = skipSpace(b, scanString(b, i));
          if (b[i] !== COLON) throw unexpected(b, i, ':', ':');
          i++;
        }
        break;
      }
      if (top === 1 && d === CLOSE_OBJECT) {
        stack.pop();
        i++;
      } else if (top === 2 && d === CLOSE_ARRAY) {
        stack.pop();
        i++;
      } else throw unexpected(b, i, top === 1 ? ', or }' : ', or ]', top === 1 ? ', 或 }' : ', 或 ]');
    }
  }
}

/** Sets a key as `JSON.parse` does: an own property, even `__proto__`. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Options of {@link parseJsonBytes}. */
export interface ParseJsonBytesOptions {
  /**
   * Documents of at most this many bytes are parsed as one text by `JSON.parse` (the engine's own
   * parser, the faster); longer ones element by element. The value is the same either way.
   * @defaultValue 256 MB
   */
  readonly wholeUpTo?: number;
}

/** Up to this many bytes a document is parsed as one text (it is then far below the longest string). */
const WHOLE_UP_TO = 256 * 2 ** 20;

/**
 * Parses a JSON document from its UTF-8 bytes (a leading byte-order mark is ignored), whatever its
 * size: the value `JSON.parse` gives for the text, or a {@link JsonSyntaxError} at the first byte
 * that breaks the grammar. Beyond `wholeUpTo` bytes, the elements of the document's arrays and of
 * its members' arrays are parsed one by one, so no string longer than one element is ever made.
 *
 * Complexity: O(bytes); element by element, two passes (the grammar, then `JSON.parse`).
 *
 * @param bytes - The document.
 * @param options - Up to which size the document is parsed as one text.
 * @returns The value.
 * @example
 * parseJsonBytes(new TextEncoder().encode('{"labourers":[{"id":"w1"}]}')) //=> { labourers: [{ id: 'w1' }] }
 */
export function parseJsonBytes(bytes: Uint8Array, options: ParseJsonBytesOptions = {}): unknown {
  const b = bytes;
  const decoder = new TextDecoder();
  const parse = (from: number, to: number): unknown => JSON.parse(decoder.decode(b.subarray(from, to)));
  let i = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  if (b.length <= (options.wholeUpTo ?? WHOLE_UP_TO)) {
    try {
      return parse(i, b.length);
    } catch {
      // Told below, where and what, by the check of the grammar.
    }
  }
  /** The array whose `[` is at `i`, element by element; returns the array and its end. */
  const array = (at: number): [unknown[], number] => {
    const out: unknown[] = [];
    let j = skipSpace(b, at + 1);
    if (b[j] === CLOSE_ARRAY) return [out, j + 1];
    for (;;) {
      const start = skipSpace(b, j);
      const end = scanValue(b, start);
      out.push(parse(start, end));
      j = skipSpace(b, end);
      if (b[j] === COMMA) j++;
      else if (b[j] === CLOSE_ARRAY) return [out, j + 1];
      else throw unexpected(b, j, ', or ]', ', 或 ]');
    }
  };
  let value: unknown;
  i = skipSpace(b, i);
  if (b[i] === OPEN_ARRAY) [value, i] = array(i);
  else if (b[i] === OPEN_OBJECT) {
    const out: Record<string, unknown> = {};
    let j = skipSpace(b, i + 1);
    if (b[j] === CLOSE_OBJECT) j++;
    else {
      for (;;) {
        j = skipSpace(b, j);
        if (b[j] !== QUOTE) throw unexpected(b, j, 'a key in quotes', '带引号的键名');
        const keyEnd = scanString(b, j);
        const key = parse(j, keyEnd) as string;
        j = skipSpace(b, keyEnd);
        if (b[j] !== COLON) throw unexpected(b, j, ':', ':');
        j = skipSpace(b, j + 1);
        let member: unknown;
        if (b[j] === OPEN_ARRAY) [member, j] = array(j);
        else {
          const end = scanValue(b, j);
          member = parse(j, end);
          j = end;
        }
        setOwn(out, key, member);
        j = skipSpace(b, j);
        if (b[j] === COMMA) j++;
        else if (b[j] === CLOSE_OBJECT) {
          j++;
          break;
        } else throw unexpected(b, j, ', or }', ', 或 }');
      }
    }
    value = out;
    i = j;
  } else {
    const end = scanValue(b, i);
    value = parse(i, end);
    i = end;
  }
  i = skipSpace(b, i);
  if (i < b.length) throw unexpected(b, i, 'the end of the text', '文本结束');
  return value;
}

/**
 * Where a byte offset lies in a document: its line and column (from 1; the column counts
 * characters, not bytes).
 *
 * @param bytes - The document.
 * @param offset - The byte offset.
 * @returns The line and column.
 * @example
 * lineAndColumn(new TextEncoder().encode('{\n  "a": ]'), 9) //=> { line: 2, column: 8 }
 */
export function lineAndColumn(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  const end = Math.min(offset, bytes.length);
  for (let k = bytes.indexOf(LF); k !== -1 && k < end; k = bytes.indexOf(LF, k + 1)) {
    line++;
    start = k + 1;
  }
  // Characters of the line before the offset: bytes that do not continue a UTF-8 sequence.
  let column = 1;
  for (let k = start; k < end; k++) if ((bytes[k]! & 0xc0) !== 0x80) column++;
  return { line, column };
}

/**
 * A syntax error told in both languages, with where it is: "unexpected "}", expected a key in
 * quotes at line 3, column 17" / "第 3 行第 17 列不应出现 "}"，应为带引号的键名".
 *
 * @param bytes - The document.
 * @param error - Its syntax error.
 * @returns The text in English and in Chinese.
 * @example
 * describeJsonError(bytes, e).en //=> 'unexpected "}", expected a key in quotes at line 3, column 17'
 */
export function describeJsonError(bytes: Uint8Array, error: JsonSyntaxError): { en: string; zh: string } {
  const { line, column } = lineAndColumn(bytes, error.offset);
  return {
    en: `${error.what} at line ${line}, column ${column}`,
    zh: `第 ${line} 行第 ${column} 列${error.whatZh}`,
  };
}

/** Bytes of text gathered before a piece is handed on. */
const PIECE = 1 << 20;

/**
 * The text of `JSON.stringify(value, null, 2)` followed by a newline, in pieces of about a
 * megabyte: the elements of the value's arrays and of its members' arrays are written a run at a
 * time, so the text is never one string. Values `JSON.stringify` leaves out (`undefined`,
 * functions) are left out alike. A value with a `toJSON` method is written whole, as are members
 * that are not arrays.
 *
 * @param value - A JSON value (a dataset, a plan, outcome records).
 * @returns The pieces, in order.
 * @example
 * [...jsonPieces({ a: [1, 2] })].join('') //=> '{\n  "a": [\n    1,\n    2\n  ]\n}\n'
 */
export function* jsonPieces(value: unknown): Generator<string, void, undefined> {
  let text = '';
  /**
   * An array written a run of elements at a time, its brackets at `indent` (the top level or a
   * member's). Each run is stringified inside a wrapper of the same depth, so the engine indents
   * it as the whole would be, and the wrapper's brackets are cut off.
   */
  function* array(items: readonly unknown[], member: boolean): Generator<string, void, undefined> {
    if (items.length === 0) {
      text += '[]';
      return;
    }
    const head = member ? '{\n  "": [\n' : '[\n';
    const tail = member ? '\n  ]\n}' : '\n]';
    text += '[\n';
    let run = 64;
    for (let k = 0; k < items.length;) {
      const part = items.slice(k, k + run);
      const s = JSON.stringify(member ? { '': part } : part, null, 2);
      text += `${k === 0 ? '' : ',\n'}${s.slice(head.length, s.length - tail.length)}`;
      k += part.length;
      // Runs of about a piece: longer after short ones, shorter after long ones.
      if (s.length < PIECE / 4 && run < 1 << 16) run *= 2;
      else if (s.length > PIECE * 4 && run > 1) run >>= 1;
      if (text.length >= PIECE) {
        yield text;
        text = '';
      }
    }
    text += member ? '\n  ]' : '\n]';
  }
  if (Array.isArray(value)) yield* array(value, false);
  else if (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as { toJSON?: unknown }).toJSON !== 'function'
  ) {
    let first = true;
    text += '{';
    for (const [key, v] of Object.entries(value)) {
      const head = `${first ? '' : ','}\n  ${JSON.stringify(key)}: `;
      if (Array.isArray(v)) {
        text += head;
        yield* array(v, true);
      } else {
        const s = JSON.stringify(v, null, 2) as string | undefined;
        if (s === undefined) continue;
        text += head + s.replace(/\n/g, '\n  ');
      }
      first = false;
    }
    text += first ? '}' : '\n}';
  } else {
    const s = JSON.stringify(value, null, 2) as string | undefined;
    if (s === undefined) throw new TypeError('jsonPieces: the value has no JSON text');
    text += s;
  }
  yield `${text}\n`;
}
