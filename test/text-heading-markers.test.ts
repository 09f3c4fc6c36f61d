import { describe, expect, it } from 'vitest';
import { headingMarker, outlineMarker } from '../src/text/heading-markers.js';
import { normalize } from '../src/text/normalize.js';

/** outlineMarker reads normalised lines, as the document stage gives them. */
const outline = (line: string): [number, string] | null => {
  const m = outlineMarker(normalize(line).text);
  return m && [m.level, m.marker];
};

describe('outlineMarker: outline level of a normalised line', () => {
  const table: Array<[string, [number, string] | null]> = [
    ['一、主要举措和成效', [1, '一、']],
    ['一.主要举措', [1, '一.']],
    ['一．主要举措', [1, '一.']], // full-width full stop, folded by normalize
    ['十二、其他', [1, '十二、']],
    ['第一部分 主要举措', [1, '第一部分']],
    ['第一部分：主要举措', [1, '第一部分:']],
    ['（一）加强领导', [2, '(一)']], // full-width brackets
    ['(一)加强领导', [2, '(一)']], // half-width brackets
    ['（一）、加强领导', [2, '(一)、']],
    ['一是加强领导', [3, '一是']],
    ['一是：加强领导', [3, '一是:']],
    ['一是，加强领导', [3, '一是,']],
    ['1.健全制度', [4, '1.']],
    ['１．健全制度', [4, '1.']],
    ['12、健全制度', [4, '12、']],
    ['（1）健全制度', [4, '(1)']],
    ['①健全制度', [4, '①']],
    ['⑳健全制度', [4, '⑳']],
    ['# 标题', [1, '#']],
    ['## 一、主要举措', [1, '##一、']], // the numbering, not the # count, gives the level
    ['### 小节', [3, '###']],
    ['####### 深', [4, '######']],
    // Not markers here (some are for headingMarker).
    ['一百、标题', null],
    ['零、标题', null],
    ['十一二三、标题', null],
    ['第一章 总则', null],
    ['1.5%的增长', null],
    ['123.标题', null],
    ['1）标题', null],
    ['⑴标题', null],
    ['【标题】', null],
    ['统一思想', null],
    ['2025年', null],
  ];
  it.each(table)('%s → %j', (line, expected) => {
    expect(outline(line)).toEqual(expected);
  });
});

describe('headingMarker: kind and ordinal of a raw line', () => {
  const table: Array<[string, { kind: string; value: number } | null]> = [
    ['一、主要举措', { kind: 'cn、', value: 1 }],
    ['一．主要举措', { kind: 'cn、', value: 1 }],
    ['一.主要举措', { kind: 'cn、', value: 1 }],
    ['十二、其他', { kind: 'cn、', value: 12 }],
    ['一百零五、其他', { kind: 'cn、', value: 105 }],
    ['（三）加强', { kind: '(cn)', value: 3 }],
    ['(三)加强', { kind: '(cn)', value: 3 }],
    ['（三)加强', { kind: '(cn)', value: 3 }],
    ['二十是加强', { kind: 'cn是', value: 20 }],
    ['第三章 总则', { kind: '第cn', value: 3 }],
    ['第二部分 主要举措', { kind: '第cn', value: 2 }],
    ['第一，加强', { kind: '第cn', value: 1 }],
    ['１、健全', { kind: 'n、', value: 1 }],
    ['12.健全', { kind: 'n.', value: 12 }],
    ['１２．健全', { kind: 'n.', value: 12 }],
    ['（２）健全', { kind: '(n)', value: 2 }],
    ['(2)健全', { kind: '(n)', value: 2 }],
    ['3）健全', { kind: 'n)', value: 3 }],
    ['⑤健全', { kind: '①', value: 5 }],
    ['⑶健全', { kind: '⑴', value: 3 }],
    ['⒋健全', { kind: '⒈', value: 4 }],
    ['❸健全', { kind: '❶', value: 3 }],
    ['【标题】', { kind: '【', value: 0 }],
    ['〖标题〗', { kind: '【', value: 0 }],
    ['1.5%的增长', null],
    ['123、标题', null],
    ['# 标题', null],
    ['一百是', null],
    ['统一思想', null],
    ['2025年', null],
  ];
  it.each(table)('%s → %j', (line, expected) => {
    expect(headingMarker(line)).toEqual(expected);
  });
});
