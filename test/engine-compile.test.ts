import { describe, expect, it } from 'vitest';
import { UsageError } from '../src/shared/errors.js';
import { compilePack, findingOf, findings, packError, report, rule } from './engine-pack.js';

/** Compiling a pack: --param overrides, placeholders, shared patterns and per-rule facts. */

const PARAMS = rule('t/p', '{ type: mention, match: { phrases: [听证] } }', {
  message: 'n={n} flag={flag} word={word} low={low} high={high}',
  extra: [
    'params:',
    '  n: { default: 3, minimum: 1, maximum: 10 }',
    '  flag: { default: false }',
    '  word: { default: 甲 }',
    '  low: { default: 2, minimum: 1 }',
    '  high: { default: 2, maximum: 5 }',
  ].join('\n'),
});
const PLAIN = rule('t/plain', '{ type: mention, match: { phrases: [听证] } }');

async function messageWith(overrides: Record<string, string | number | boolean>): Promise<string> {
  const rules = compilePack([PARAMS], '', { 't/p': overrides });
  return (await findingOf(rules, report({}), 't/p')).message;
}

function usageError(overrides: Record<string, Record<string, string | number | boolean>>): string {
  const e = packError([PARAMS, PLAIN], '', overrides);
  expect(e).toBeInstanceOf(UsageError);
  return e.message;
}

describe('--param', () => {
  it('defaults, and numbers, flags and words as given', async () => {
    expect(await messageWith({})).toBe('n=3 flag=false word=甲 low=2 high=2');
    expect(await messageWith({ n: '5', flag: 'true', word: '乙' })).toBe('n=5 flag=true word=乙 low=2 high=2');
    expect(await messageWith({ n: 7, flag: true })).toBe('n=7 flag=true word=甲 low=2 high=2');
    expect(await messageWith({ n: ' 4 ', flag: 'false' })).toBe('n=4 flag=false word=甲 low=2 high=2');
    expect(await messageWith({ flag: false, low: 100, high: -3 })).toBe('n=3 flag=false word=甲 low=100 high=-3');
    expect(await messageWith({ n: 1 })).toBe('n=1 flag=false word=甲 low=2 high=2');
    expect(await messageWith({ n: 10 })).toBe('n=10 flag=false word=甲 low=2 high=2');
  });

  it('a number that is not one, or is out of range', () => {
    expect(usageError({ 't/p': { n: '' } })).toBe('--param t/p.n=: 应为数字');
    expect(usageError({ 't/p': { n: '  ' } })).toBe('--param t/p.n=  : 应为数字');
    expect(usageError({ 't/p': { n: 'abc' } })).toBe('--param t/p.n=abc: 应为数字');
    expect(usageError({ 't/p': { n: 11 } })).toBe('--param t/p.n=11: 超出允许范围 1–10');
    expect(usageError({ 't/p': { n: '0' } })).toBe('--param t/p.n=0: 超出允许范围 1–10');
    expect(usageError({ 't/p': { low: 0 } })).toBe('--param t/p.low=0: 超出允许范围 1–∞');
    expect(usageError({ 't/p': { high: 6 } })).toBe('--param t/p.high=6: 超出允许范围 -∞–5');
  });

  it('a flag is true or false', () => {
    expect(usageError({ 't/p': { flag: 'yes' } })).toBe('--param t/p.flag=yes: 应为 true 或 false');
    expect(usageError({ 't/p': { flag: 1 } })).toBe('--param t/p.flag=1: 应为 true 或 false');
    expect(usageError({ 't/p': { flag: 'TRUE' } })).toBe('--param t/p.flag=TRUE: 应为 true 或 false');
  });

  it('an unknown param names the ones there are', () => {
    expect(usageError({ 't/p': { size: 1 } })).toBe(
      '--param t/p.size: 规则没有该参数（可用：n、flag、word、low、high）',
    );
    expect(usageError({ 't/plain': { size: 1 } })).toBe('--param t/plain.size: 规则没有该参数（该规则无参数）');
    expect(usageError({ 't/nope': { size: 1 } })).toBe(
      '--param t/nope: 没有这条规则（用 fazhi rules list 查看规则编号）',
    );
  });
});

describe('placeholders', () => {
  it('an unknown placeholder is a pack error at its own column', () => {
    const e = packError([
      rule('t/x', '{ type: mention, match: { phrases: [听证] } }', { message: '缺少{missing}或{nope}' }),
    ]);
    expect(e.message).toBe(
      'rules.t/x.message: unknown placeholder {nope}（消息占位符未定义：mention 检查与参数提供 {missing}）',
    );
    // line 15 of the pack: `    message: "缺少{missing}或{nope}"`, {nope} at column 27
    expect((e as { position?: { line: number; column: number } }).position).toMatchObject({ line: 15, column: 27 });
  });

  it('a not-applicable message has the params alone: none here', () => {
    const e = packError([
      rule('t/x', '{ type: mention, match: { phrases: [听证] } }', {
        extra: 'messages: { notApplicable: "无{missing}" }',
      }),
    ]);
    expect(e.message).toBe(
      'rules.t/x.messages.notApplicable: unknown placeholder {missing}（消息占位符未定义：不适用时仅参数提供 无）',
    );
  });
});

describe('facts shared and kept apart', () => {
  it('one phrase in two scopes: each rule sees its own', async () => {
    const rules = compilePack([
      rule('t/done', '{ type: mention, match: { phrases: [听证] } }'),
      rule('t/all', '{ type: mention, scope: all, match: { phrases: [听证] } }'),
      rule('t/plan', '{ type: mention, scope: [next-year], match: { phrases: [听证] } }'),
    ]);
    const inPlan = await findings(rules, report({ plan: '推行听证。' }));
    expect(['t/done', 't/all', 't/plan'].map((id) => inPlan.get(id)?.status)).toEqual(['fail', 'pass', 'pass']);
    const inMeasures = await findings(rules, report({ measures: '推行听证。' }));
    expect(['t/done', 't/all', 't/plan'].map((id) => inMeasures.get(id)?.status)).toEqual(['pass', 'pass', 'fail']);
  });

  it('two rules of one type, and two checks of one rule, each have their own fact', async () => {
    const rules = compilePack([
      rule('t/loose', '{ type: percent, max: 100 }'),
      rule('t/strict', '{ type: percent, max: 50 }'),
      rule('t/either', '{ type: any, checks: [{ type: percent, max: 100 }, { type: percent, max: 50 }] }'),
      rule('t/both', '{ type: all, checks: [{ type: percent, max: 50 }, { type: percent, max: 100 }] }'),
      rule('t/short', '{ type: duplicates, minLength: 5 }'),
      rule('t/long', '{ type: duplicates, minLength: 30 }'),
    ]);
    const all = await findings(rules, report({ measures: '满意率80%。\n调解成功十件。\n调解成功十件。' }));
    expect(['t/loose', 't/strict', 't/either', 't/both', 't/short', 't/long'].map((id) => all.get(id)?.status)).toEqual(
      ['pass', 'fail', 'pass', 'fail', 'fail', 'pass'],
    );
  });

  it('an error in a nested check is located by its path', () => {
    const e = packError([
      rule('t/x', '{ type: all, checks: [{ type: percent, max: 100 }, { type: percent, not: "(" }] }'),
    ]);
    expect(e.message).toMatch(/^rules\.t\/x\.check\.checks\[1\]\.not: invalid regex/);
  });
});
