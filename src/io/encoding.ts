/**
 * Text encodings of spreadsheet files: detection and decoding of UTF-8 (with or without BOM),
 * UTF-16 (Excel's "Unicode text") and GB18030/GBK, and encoding to UTF-8 with BOM or GB18030.
 *
 * Only the platform's standard `TextDecoder`/`TextEncoder` are used, so this runs unchanged in
 * Node and in browsers, with no `Buffer`. GB18030 needs a `TextDecoder` that knows it: every
 * browser (WHATWG Encoding Standard) and Node built with full ICU (the official builds); a Node
 * built with `--with-intl=small-icu` throws a `RangeError` on first use.
 *
 * @module
 */

/** The encodings a CSV file may be read in; `auto` detects it from the bytes. */
export type CsvInputEncoding = 'auto' | 'utf-8' | 'gbk' | 'gb18030';

/** The encoding a file was actually decoded with. */
export type DetectedEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** The encodings a CSV file may be written in. */
export type CsvOutputEncoding = 'utf-8-bom' | 'gb18030';

/** The outcome of decoding bytes to text. */
export interface DecodedText {
  /** The text, without any byte order mark. */
  readonly text: string;
  readonly encoding: DetectedEncoding;
  /** Whether some bytes were not valid in that encoding (each became U+FFFD). */
  readonly malformed: boolean;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.length <= bytes.length && prefix.every((b, i) => bytes[i] === b);
}

function decodeWith(label: string, bytes: Uint8Array): { text: string; malformed: boolean } {
  try {
    return { text: new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes), malformed: false };
  } catch (error) {
    // A RangeError here means the platform lacks the encoding (small-icu Node): let it surface.
    if (error instanceof RangeError) throw error;
    return { text: new TextDecoder(label, { ignoreBOM: true }).decode(bytes), malformed: true };
  }
}

/** A Han ideograph (CJK Unified Ideographs and Extension A). */
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff]/;
/** Text that UTF-8 encodes in three or more bytes (CJK among it). */
const WIDE = /[\u0800-\uffff]/;
/**
 * Characters that a bureau's spreadsheet does not hold but that GBK bytes of Chinese text read as
 * UTF-8 turn into: C1 controls, Latin-1 punctuation and signs (¬ ÷ ×), IPA, Greek, Cyrillic,
 * Armenian, Hebrew, Syriac, Thaana, NKo.
 */
const MISREAD = /[\u0080-\u00bf\u00d7\u00f7\u0250-\u05ff\u0700-\u07ff]/;
/** A word of Latin letters; accented letters in real text sit beside plain ones (José, Müller). */
const LATIN_WORD = /[A-Za-z\u00c0-\u024f]+/g;

/**
 * Whether valid UTF-8 text is more likely GBK read wrongly: a short GBK file whose every Chinese
 * character happens to form a valid two-byte UTF-8 sequence (营业员 reads as ӪҵԱ). Real UTF-8
 * Chinese uses three-byte sequences, so such text has none; and it shows scripts nobody in the
 * programme writes, or "words" made only of accented letters (a Chinese name of two characters
 * reads as two). Accented Latin beside plain letters and Arabic script (Uyghur) stay UTF-8.
 */
function looksLikeMisreadGbk(text: string): boolean {
  if (WIDE.test(text)) return false;
  if (MISREAD.test(text)) return true;
  for (const [word] of text.matchAll(LATIN_WORD)) if (!/[A-Za-z]/.test(word)) return true;
  return false;
}

/**
 * Decodes the bytes of a spreadsheet export to text.
 *
 * With `auto`: a UTF-8 BOM means UTF-8; a UTF-16 BOM means UTF-16 (what Excel writes as
 * "Unicode text"); bytes that are valid UTF-8 are UTF-8 — unless they hold no character that UTF-8
 * writes in three bytes (no Chinese) but do hold Greek, Cyrillic, Armenian, Hebrew or C1 controls,
 * and read cleanly as GB18030 with Chinese characters: then they are a short GBK file whose Chinese
 * happens to be valid UTF-8 (营业员 would read ӪҵԱ); anything else is GB18030, the superset
 * of GBK that Excel and WPS use for "CSV" on Chinese Windows. Detection is a judgement on short
 * files: pass the encoding when it is known. `gbk` decodes as GB18030, which
 * reads every GBK file identically. A BOM is dropped in every case.
 *
 * @param bytes - The file's bytes.
 * @param encoding - The encoding to use, or `auto` to detect it.
 * @defaultValue encoding `'auto'`
 * @returns The text, the encoding used, and whether any bytes were malformed.
 * @example
 * decodeCsvBytes(new Uint8Array([0xc4, 0xe3, 0xba, 0xc3])) //=> { text: '你好', encoding: 'gb18030', malformed: false }
 * decodeCsvBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x61])) //=> { text: 'a', encoding: 'utf-8', malformed: false }
 */
export function decodeCsvBytes(bytes: Uint8Array, encoding: CsvInputEncoding = 'auto'): DecodedText {
  const utf8Bom = startsWith(bytes, UTF8_BOM);
  if (encoding === 'utf-8' || (encoding === 'auto' && utf8Bom)) {
    return { ...decodeWith('utf-8', utf8Bom ? bytes.subarray(3) : bytes), encoding: 'utf-8' };
  }
  if (encoding === 'auto') {
    if (startsWith(bytes, [0xff, 0xfe]))
      return { ...decodeWith('utf-16le', bytes.subarray(2)), encoding: 'utf-16le' };
    if (startsWith(bytes, [0xfe, 0xff]))
      return { ...decodeWith('utf-16be', bytes.subarray(2)), encoding: 'utf-16be' };
    const utf8 = decodeWith('utf-8', bytes);
    if (!utf8.malformed) {
      if (!looksLikeMisreadGbk(utf8.text)) return { ...utf8, encoding: 'utf-8' };
      const gb = decodeWith('gb18030', bytes);
      return gb.malformed || !HAN.test(gb.text)
        ? { ...utf8, encoding: 'utf-8' }
        : { ...gb, encoding: 'gb18030' };
    }
  }
  return { ...decodeWith('gb18030', bytes), encoding: 'gb18030' };
}

/**
 * The GB18030 code of every BMP character, derived once from the platform's own GB18030 decoder
 * so that encoding is its exact inverse: two-byte codes packed as `0xLLTT`, four-byte codes as
 * their linear index (0–39419) plus 0x10000.
 */
let gbTable: Map<number, number> | undefined;

function gb18030Table(): Map<number, number> {
  if (gbTable !== undefined) return gbTable;
  const table = new Map<number, number>();
  const decoder = new TextDecoder('gb18030');
  const two = new Uint8Array(2);
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      two[0] = lead;
      two[1] = trail;
      const s = decoder.decode(two);
      // Unassigned codes decode to U+FFFD (and an ASCII trail byte is re-read): skip them.
      if (s.length === 1 && s !== '\ufffd' && !table.has(s.charCodeAt(0)))
        table.set(s.charCodeAt(0), (lead << 8) | trail);
    }
  }
  const four = new Uint8Array(4);
  for (let index = 0; index < 39420; index++) {
    writeFourByte(four, index);
    const s = decoder.decode(four);
    if (s.length === 1 && !table.has(s.charCodeAt(0))) table.set(s.charCodeAt(0), 0x10000 + index);
  }
  gbTable = table;
  return table;
}

function writeFourByte(out: Uint8Array, index: number): void {
  out[0] = 0x81 + Math.floor(index / 12600);
  out[1] = 0x30 + (Math.floor(index / 1260) % 10);
  out[2] = 0x81 + (Math.floor(index / 10) % 126);
  out[3] = 0x30 + (index % 10);
}

/**
 * Encodes text as GB18030: ASCII as one byte, the GBK repertoire as two bytes (identical to GBK,
 * so a GBK reader such as Excel on Chinese Windows opens it), every other character as four.
 * Exactly inverts {@link decodeCsvBytes} with encoding `gb18030`.
 *
 * The first call builds a 63,000-entry table from the platform decoder (tens of milliseconds);
 * later calls are O(n) in the text's length.
 *
 * @param text - The text to encode.
 * @returns The GB18030 bytes.
 * @throws RangeError if the text holds a lone surrogate or one of the few code points GB18030
 *   (as the WHATWG standard defines it) cannot encode.
 * @example
 * encodeGb18030('你好') //=> Uint8Array [0xc4, 0xe3, 0xba, 0xc3]
 */
export function encodeGb18030(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 4);
  let n = 0;
  let table: Map<number, number> | undefined;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) {
      out[n++] = cp;
      continue;
    }
    if (cp >= 0x10000) {
      // Supplementary planes map linearly onto four-byte codes from 0x90308130 (index 189000).
      writeFourByte(out.subarray(n, n + 4), 189000 + (cp - 0x10000));
      n += 4;
      continue;
    }
    table ??= gb18030Table();
    const code = table.get(cp);
    if (code === undefined) {
      throw new RangeError(
        `encodeGb18030: U+${cp.toString(16).toUpperCase().padStart(4, '0')} cannot be encoded in GB18030`,
      );
    }
    if (code < 0x10000) {
      out[n++] = code >> 8;
      out[n++] = code & 0xff;
    } else {
      writeFourByte(out.subarray(n, n + 4), code - 0x10000);
      n += 4;
    }
  }
  return out.slice(0, n);
}

/**
 * Encodes text for a CSV file: UTF-8 preceded by a BOM (so Excel and WPS detect it), or GB18030.
 *
 * @param text - The whole file's text.
 * @param encoding - The encoding to write.
 * @defaultValue encoding `'utf-8-bom'`
 * @returns The file's bytes.
 * @example
 * encodeCsvText('a', 'utf-8-bom') //=> Uint8Array [0xef, 0xbb, 0xbf, 0x61]
 */
export function encodeCsvText(text: string, encoding: CsvOutputEncoding = 'utf-8-bom'): Uint8Array {
  if (encoding === 'gb18030') return encodeGb18030(text);
  const body = new TextEncoder().encode(text);
  const out = new Uint8Array(body.length + 3);
  out.set(UTF8_BOM, 0);
  out.set(body, 3);
  return out;
}
