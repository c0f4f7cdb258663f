import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeCsvBytes, encodeCsvText, encodeGb18030 } from '../../src/io/encoding.js';

const TEXT = '编号,姓名\r\nw1,陈光明\r\n';

describe('decodeCsvBytes', () => {
  it('reads UTF-8 with a BOM and drops the BOM', () => {
    const bytes = encodeCsvText(TEXT, 'utf-8-bom');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(decodeCsvBytes(bytes)).toEqual({ text: TEXT, encoding: 'utf-8', malformed: false });
  });

  it('reads valid UTF-8 without a BOM as UTF-8', () => {
    expect(decodeCsvBytes(new TextEncoder().encode(TEXT))).toEqual({
      text: TEXT,
      encoding: 'utf-8',
      malformed: false,
    });
  });

  it('reads GBK bytes (invalid as UTF-8) as GB18030', () => {
    const gbk = new Uint8Array(iconv.encode(TEXT, 'gbk'));
    expect(decodeCsvBytes(gbk)).toEqual({ text: TEXT, encoding: 'gb18030', malformed: false });
    expect(decodeCsvBytes(gbk, 'gbk').text).toBe(TEXT);
  });

  it('reads four-byte GB18030 characters', () => {
    const text = '𠮷,€,㐀';
    expect(decodeCsvBytes(new Uint8Array(iconv.encode(text, 'gb18030')), 'gb18030').text).toBe(text);
  });

  it('reads UTF-16 LE with a BOM (Excel "Unicode text")', () => {
    const bytes = new Uint8Array(iconv.encode(TEXT, 'utf-16le', { addBOM: true }));
    expect(decodeCsvBytes(bytes)).toEqual({ text: TEXT, encoding: 'utf-16le', malformed: false });
  });

  it('reads a short GBK file whose Chinese happens to be valid UTF-8 as GB18030', () => {
    // 营业员 in GBK is D3AA D2B5 D4B1: three valid two-byte UTF-8 sequences (Cyrillic and Armenian).
    const text = 'id,title\r\np1,营业员\r\n';
    const gbk = new Uint8Array(iconv.encode(text, 'gbk'));
    expect(new TextDecoder('utf-8', { fatal: true }).decode(gbk)).not.toBe(text);
    expect(decodeCsvBytes(gbk)).toEqual({ text, encoding: 'gb18030', malformed: false });
  });

  it('reads a GBK name that reads as accented letters or signs in UTF-8 as GB18030', () => {
    for (const name of ['卢梅', '茅抹']) {
      // GBK C2AC C3B7 reads as ¬÷ in UTF-8; C3A9 C4A8 as éĨ: valid UTF-8 either way.
      const text = `id,name\r\nw1,${name}\r\n`;
      const gbk = new Uint8Array(iconv.encode(text, 'gbk'));
      expect(decodeCsvBytes(gbk).text).toBe(text);
    }
  });

  it('keeps accented Latin and Arabic-script (Uyghur) UTF-8 as UTF-8', () => {
    for (const text of ['name\nJosé Müller\n', 'name\nئابدۇرېھىم\n']) {
      expect(decodeCsvBytes(new TextEncoder().encode(text))).toEqual({
        text,
        encoding: 'utf-8',
        malformed: false,
      });
    }
  });

  it('marks bytes invalid in a forced encoding as malformed', () => {
    const gbk = new Uint8Array(iconv.encode('陈', 'gbk'));
    expect(decodeCsvBytes(gbk, 'utf-8')).toMatchObject({ encoding: 'utf-8', malformed: true });
  });
});

describe('encodeGb18030', () => {
  it('agrees with iconv-lite on ASCII and the whole GBK ideograph block U+4E00–U+9FA5', () => {
    let text = '';
    for (let cp = 0x20; cp < 0x7f; cp++) text += String.fromCharCode(cp);
    for (let cp = 0x4e00; cp <= 0x9fa5; cp++) text += String.fromCharCode(cp);
    text += '，。、；：（）《》“”·—…￥';
    expect(Buffer.from(encodeGb18030(text)).equals(iconv.encode(text, 'gb18030'))).toBe(true);
  });

  it('is the exact inverse of the GB18030 decoder on every encodable BMP character and beyond', () => {
    let text = '';
    for (let cp = 0x80; cp < 0x10000; cp++) if (cp < 0xd800 || cp >= 0xe000) text += String.fromCharCode(cp);
    text = [...text]
      .filter((ch) => {
        try {
          encodeGb18030(ch);
          return true;
        } catch {
          return false;
        }
      })
      .join('');
    // Only a handful of private-use code points that GB18030-2022 moved elsewhere are unencodable.
    expect(text.length).toBeGreaterThan(63300);
    text += '😀𠮷\u{10ffff}';
    expect(decodeCsvBytes(encodeGb18030(text), 'gb18030').text).toBe(text);
  });

  it('refuses a lone surrogate', () => {
    expect(() => encodeGb18030('a\ud800')).toThrow(/encodeGb18030: U\+D800/);
  });
});
