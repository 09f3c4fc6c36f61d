import { readFileSync } from 'node:fs';
import * as OpenCCFull from 'opencc-js';
import * as OpenCC from 'opencc-js/t2cn';
import { describe, expect, it } from 'vitest';
import { normalize, toOriginalSpan } from '../src/text/normalize.js';
import { deriveTraditionalOnly, hasTraditional, simplify, toSimplified, traditionalOnly } from '../src/text/script.js';
import { TRADITIONAL_ONLY } from '../src/text/traditional-chars.js';

/** The original characters a normalised match of `word` quotes. */
function quoteOf(original: string, word: string): string {
  const norm = normalize(original);
  const at = norm.text.indexOf(word);
  expect(at, `${word} in ${norm.text}`).toBeGreaterThanOrEqual(0);
  const [start, end] = toOriginalSpan(norm, at, at + word.length);
  return original.slice(start, end);
}

const units = (s: string) => Array.from(s, (c) => c.charCodeAt(0));
const codeUnits = (s: string) => Uint16Array.from({ length: s.length }, (_, i) => s.charCodeAt(i));

describe('traditional → simplified in the matching form', () => {
  it('folds a traditional line and quotes the original characters back', () => {
    const line = '本年度鎮黨委認真學習 法治理論,聘請法律顧問,執法全過程記錄覆蓋全部案件。';
    const norm = normalize(line);
    expect(norm.text).toBe('本年度镇党委认真学习法治理论,聘请法律顾问,执法全过程记录覆盖全部案件。');
    expect(quoteOf(line, '镇党委')).toBe('鎮黨委');
    expect(quoteOf(line, '认真学习法治')).toBe('認真學習 法治');
    expect(quoteOf(line, '法律顾问')).toBe('法律顧問');
    expect(quoteOf(line, '执法全过程记录')).toBe('執法全過程記錄');
    expect(quoteOf(line, '覆盖全部案件')).toBe('覆蓋全部案件');
    expect(norm.map.length).toBe(norm.text.length + 1);
    expect(norm.map[norm.text.length]).toBe(line.length);
  });

  it('keeps the map exact around artefacts and full-width forms', () => {
    const line = '落實〔２０２３〕號文件 MERGEFORMAT 要求';
    const norm = normalize(line, [{ start: 12, end: 24 }]);
    expect(norm.text).toBe('落实[2023]号文件要求');
    expect(quoteOf(line, '号文件')).toBe('號文件');
  });

  it('maps a phrase whose conversion changes length onto its whole original span', () => {
    // 二噁英 becomes 二𫫇英 (a character outside the BMP: one more code unit).
    const line = '督查垃圾焚燒二噁英排放';
    const norm = normalize(line);
    expect(norm.text).toBe('督查垃圾焚烧二𫫇英排放');
    expect(norm.text.length).toBe(line.length + 1);
    expect(quoteOf(line, '二𫫇英')).toBe('二噁英');
    expect(quoteOf(line, '英排放')).toBe('英排放');
    expect(quoteOf(line, '焚烧')).toBe('焚燒');
    // Any sub-span of the changed segment still lands inside its original span.
    const at = norm.text.indexOf('𫫇');
    const [s, e] = toOriginalSpan(norm, at, at + 2);
    expect(line.slice(s, e)).toBe('噁');
  });

  it('folds a compatibility ideograph (the first stage of the conversion)', () => {
    // U+F902 is a compatibility form of 車, which then becomes 车.
    const line = '公務\uF902輛管理';
    expect(normalize(line).text).toBe('公务车辆管理');
    expect(quoteOf(line, '车辆')).toBe('\uF902輛');
  });

  it('leaves simplified text, and the simplified characters the tables share, untouched', () => {
    const line = '乾坤湾镇全年开展法治讲座3次,成效显著';
    const norm = normalize(line);
    expect(norm.text).toBe(line.replace(/\s/g, ''));
    expect(hasTraditional(codeUnits(line))).toBe(false);
    // 乾 and 么 are what the conversion itself produces, so they do not mark a line traditional.
    expect(hasTraditional(units('乾么'))).toBe(false);
    expect(hasTraditional(units('麼'))).toBe(true);
  });

  it('spots a traditional-only character outside the BMP by its whole code point', () => {
    const astral = [...traditionalOnly().astral][0] as number;
    expect(hasTraditional(codeUnits(String.fromCodePoint(astral)))).toBe(true);
    // Same high surrogate, another low one: a rare simplified-side character, not traditional.
    const sibling = String.fromCodePoint(astral ^ 1);
    if (!traditionalOnly().astral.has(astral ^ 1)) expect(hasTraditional(codeUnits(sibling))).toBe(false);
  });

  it('the generated set is the one the library tables give', () => {
    // On failure: npx tsc && node scripts/traditional-chars.mjs (opencc-js changed its tables).
    expect(TRADITIONAL_ONLY).toBe(deriveTraditionalOnly());
  });

  it('every character in the set changes under the conversion', () => {
    const convert = OpenCC.Converter({ from: 't', to: 'cn' });
    const { bits, astral } = traditionalOnly();
    const chars: string[] = [...astral].map((code) => String.fromCodePoint(code));
    for (let unit = 0; unit < 0x10000; unit++)
      if ((((bits[unit >>> 5] as number) >>> (unit & 31)) & 1) === 1 && (unit < 0xd800 || unit > 0xdfff))
        chars.push(String.fromCharCode(unit));
    expect(chars.length).toBeGreaterThan(3000);
    expect(chars.filter((ch) => convert(ch) === ch)).toEqual([]);
  });

  it('every key of the tables, alone and run into its neighbours, converts as the library converts it', () => {
    // Keys of one character that start no longer key are read from a table, the others from a trie: each key, and
    // each key with the next key after it (where a phrase could start inside), must come out as the library's.
    const convert = OpenCC.Converter({ from: 't', to: 'cn' });
    const config = (OpenCC as unknown as { Locale: { configs: Record<string, { conversionChain: string[][] }> } })
      .Locale.configs['t2s'];
    const keys = (config?.conversionChain ?? [])
      .flat()
      .flatMap((dict) => dict.split('|').map((e) => e.split(' ')[0] as string));
    expect(keys.length).toBeGreaterThan(3500);
    const differing = keys.filter((key, i) => {
      const text = `${key}${keys[i + 1] ?? ''}`;
      const identity = Int32Array.from({ length: text.length + 1 }, (_, k) => k);
      return toSimplified({ text, map: identity }).text !== convert(text);
    });
    expect(differing).toEqual([]);
  });

  it('gives exactly what the library converter gives', () => {
    const convert = OpenCC.Converter({ from: 't', to: 'cn' });
    for (const text of [
      '鎮黨委書記認真履行推進法治建設第一責任人職責',
      '嚴格落實行政執法公示、執法全過程記錄、重大執法決定法制審核制度',
      '村(社區)法律顧問覆蓋率達到100%,一目瞭然',
      '二噁英檢測與公務\uF902輛',
    ]) {
      expect(simplify(text)).toBe(convert(text));
      const identity = Int32Array.from({ length: text.length + 1 }, (_, i) => i);
      expect(toSimplified({ text, map: identity }).text).toBe(convert(text));
    }
    expect(simplify('已是简体')).toBe('已是简体');
  });

  it('keeps a lone surrogate beside converted characters, and a long line whole', () => {
    const text = `認\uD800真${'執法'.repeat(3000)}\uDC00`;
    const identity = Int32Array.from({ length: text.length + 1 }, (_, i) => i);
    const result = toSimplified({ text, map: identity });
    expect(result.text).toBe(`认\uD800真${'执法'.repeat(3000)}\uDC00`);
    expect(Array.from(result.map)).toEqual(Array.from(identity));
    // Longer than any line before it, and longer once converted (噁 becomes two units): the buffers grow mid-line.
    const growing = '二噁英'.repeat(6000);
    const grown = toSimplified({ text: growing, map: Int32Array.from({ length: growing.length + 1 }, (_, i) => i) });
    expect(grown.text).toBe(OpenCC.Converter({ from: 't', to: 'cn' })(growing));
    expect(grown.map.slice(0, 5)).toEqual(Int32Array.from([0, 1, 1, 2, 3]));
    expect(grown.map[grown.map.length - 1]).toBe(growing.length);
  });

  it('whole reports in traditional script, lines mixed with simplified ones, convert as the library does', () => {
    // The conversion skips positions that start no key of a stage: every other position still
    // goes through the trie, so the text is the library's and the map never runs backwards.
    const convert = OpenCC.Converter({ from: 't', to: 'cn' });
    const toTw = OpenCCFull.Converter({ from: 'cn', to: 'tw' });
    const toHk = OpenCCFull.Converter({ from: 'cn', to: 'hk' });
    let converted = 0;
    for (const name of ['taojia-2025.txt', 'gurtu-2024.txt', 'xuantan-2024.txt']) {
      const lines = readFileSync(new URL(`../reports/${name}`, import.meta.url), 'utf8').split('\n');
      lines.forEach((line, i) => {
        const text = i % 3 === 0 ? line : i % 3 === 1 ? toTw(line) : `${line.slice(0, 20)}${toHk(line.slice(20))}`;
        const identity = Int32Array.from({ length: text.length + 1 }, (_, k) => k);
        const result = toSimplified({ text, map: identity });
        expect(result.text).toBe(convert(text));
        for (let k = 1; k < result.map.length; k++)
          expect(result.map[k]).toBeGreaterThanOrEqual(result.map[k - 1] as number);
        // Character for character (no unit count changed): every offset is its own.
        if (result.text.length === text.length) expect(Array.from(result.map)).toEqual(Array.from(identity));
        if (result.text !== text) converted++;
      });
    }
    expect(converted).toBeGreaterThan(40);
  });
});
