import { describe, expect, it } from 'vitest';
import { gateSentence, type GateVerdict } from '../src/formatters/gate.js';

const base: Omit<GateVerdict, 'message'> = {
  passed: true,
  reasons: [],
  unreadable: 0,
  failOn: 'error',
  failing: 0,
  minScore: null,
  lowestScore: 76.25,
  belowMinScore: 0,
  maxWarnings: null,
  warnings: 11,
};

// [verdict fields, sentence]
const TABLE: Array<[Partial<GateVerdict>, string]> = [
  [{}, '✓ 通过：0 个错误（--fail-on error），最低得分 76.3'],
  [{ minScore: 60 }, '✓ 通过：0 个错误（--fail-on error），最低得分 76.3，不低于 --min-score 60'],
  [{ maxWarnings: 20 }, '✓ 通过：0 个错误（--fail-on error），最低得分 76.3，11 个警告，未超过 --max-warnings 20'],
  [{ failOn: 'never' }, '✓ 通过：不因问题失败（--fail-on never），最低得分 76.3'],
  [{ lowestScore: null }, '✓ 通过：0 个错误（--fail-on error）'],
  [
    { passed: false, reasons: ['min-score'], minScore: 90, belowMinScore: 1 },
    '✗ 未通过：得分 76.3 低于 --min-score 90',
  ],
  [
    { passed: false, reasons: ['min-score'], minScore: 90, belowMinScore: 3, lowestScore: 41 },
    '✗ 未通过：3 份报告得分低于 --min-score 90（最低 41.0）',
  ],
  [{ passed: false, reasons: ['fail-on'], failing: 2 }, '✗ 未通过：2 个错误（--fail-on error）'],
  [
    { passed: false, reasons: ['fail-on'], failOn: 'warning', failing: 13 },
    '✗ 未通过：13 个警告及以上问题（--fail-on warning）',
  ],
  [
    { passed: false, reasons: ['max-warnings'], maxWarnings: 10, warnings: 12 },
    '✗ 未通过：12 个警告，多于 --max-warnings 10',
  ],
  [
    { passed: false, reasons: ['unreadable', 'fail-on'], unreadable: 1, failing: 2 },
    '✗ 未通过：1 份文件无法检查；2 个错误（--fail-on error）',
  ],
];

describe('the gate in one sentence', () => {
  it.each(TABLE)('%j → %s', (fields, sentence) => {
    expect(gateSentence({ ...base, ...fields })).toBe(sentence);
  });
});
