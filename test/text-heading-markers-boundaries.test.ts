import { describe, expect, it } from 'vitest';
import { headingMarker, outlineMarker } from '../src/text/heading-markers.js';

/** outlineMarker reads normalised text: ( ) . : , are already half-width, spaces gone. */
describe('outlineMarker at its boundaries', () => {
  const table: Array<[string, { level: number; marker: string } | null]> = [
    ['#标题', { level: 1, marker: '#' }],
    ['##标题', { level: 2, marker: '##' }],
    ['###标题', { level: 3, marker: '###' }],
    ['####标题', { level: 4, marker: '####' }],
    ['######标题', { level: 4, marker: '######' }],
    ['#(二)小节', { level: 2, marker: '#(二)' }],
    ['###一是加强', { level: 3, marker: '###一是' }],
    ['##1.制度', { level: 4, marker: '##1.' }],
    ['##①制度', { level: 4, marker: '##①' }],
    // Only after # does a second marker decide the level.
    ['一、1.健全制度', { level: 1, marker: '一、' }],
    ['(一)1.健全制度', { level: 2, marker: '(一)' }],
    ['二十一、其他', { level: 1, marker: '二十一、' }],
    ['十、其他', { level: 1, marker: '十、' }],
    ['九.其他', { level: 1, marker: '九.' }],
    ['一:其他', null],
    ['第三部分、问题', { level: 1, marker: '第三部分、' }],
    ['第三部分.问题', { level: 1, marker: '第三部分.' }],
    ['第三部分问题', { level: 1, marker: '第三部分' }],
    ['(十二)加强', { level: 2, marker: '(十二)' }],
    ['(一).加强', { level: 2, marker: '(一).' }],
    ['(一二三四)加强', null],
    ['三是,加强', { level: 3, marker: '三是,' }],
    ['三是加强', { level: 3, marker: '三是' }],
    ['1、制度', { level: 4, marker: '1、' }],
    ['10.制度', { level: 4, marker: '10.' }],
    ['3.5万元', null],
    ['(12)制度', { level: 4, marker: '(12)' }],
    ['(3)、制度', { level: 4, marker: '(3)、' }],
    ['(123)制度', null],
    ['①制度', { level: 4, marker: '①' }],
    ['\u2474制度', null], // ⑴ is not an outline marker
    // A marker counts only at the start of the line.
    ['加强一、二', null],
    ['其中(一)项', null],
    ['全年1、2月', null],
    ['落实一是', null],
    ['见第一部分', null],
    ['共①项', null],
    ['标题#', null],
    ['', null],
  ];
  it.each(table)('%s → %j', (line, expected) => {
    expect(outlineMarker(line)).toEqual(expected);
  });
});

describe('headingMarker at its boundaries', () => {
  const table: Array<[string, { kind: string; value: number } | null]> = [
    // Full-width digits are read as their values.
    ['１０、健全', { kind: 'n、', value: 10 }],
    ['（１２）健全', { kind: '(n)', value: 12 }],
    ['９）健全', { kind: 'n)', value: 9 }],
    ['1.5万元', null],
    ['１．５万元', null],
    ['12)健全', { kind: 'n)', value: 12 }],
    // Each circled, parenthesised and dotted range starts at 1 and ends at 20 (❶–❿ at 10).
    ['①健全', { kind: '①', value: 1 }],
    ['⑳健全', { kind: '①', value: 20 }],
    ['⑴健全', { kind: '⑴', value: 1 }],
    ['⒇健全', { kind: '⑴', value: 20 }],
    ['⒈健全', { kind: '⒈', value: 1 }],
    ['⒛健全', { kind: '⒈', value: 20 }],
    ['❶健全', { kind: '❶', value: 1 }],
    ['❿健全', { kind: '❶', value: 10 }],
    // 第… forms and their closing characters.
    ['第三节 制度', { kind: '第cn', value: 3 }],
    ['第五条 制度', { kind: '第cn', value: 5 }],
    ['第二篇 总结', { kind: '第cn', value: 2 }],
    ['第一,加强', { kind: '第cn', value: 1 }],
    ['第一、加强', { kind: '第cn', value: 1 }],
    ['第十二章 附则', { kind: '第cn', value: 12 }],
    ['第一次会议', null],
    // Chinese ordinals with 百 零 〇.
    ['一百零五、其他', { kind: 'cn、', value: 105 }],
    ['（二十）加强', { kind: '(cn)', value: 20 }],
    ['(二十)加强', { kind: '(cn)', value: 20 }],
    ['三是加强', { kind: 'cn是', value: 3 }],
    // At the start of the line only.
    ['加强一、二', null],
    ['其中（一）项', null],
    ['全年1、2月', null],
    ['见第一章', null],
    ['共①项', null],
    ['标题【注】', null],
    ['', null],
  ];
  it.each(table)('%s → %j', (line, expected) => {
    expect(headingMarker(line)).toEqual(expected);
  });
});
