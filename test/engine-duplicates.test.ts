import { describe, expect, it } from 'vitest';
import { compilePack, findingOf, findings, report, rule } from './engine-pack.js';

/** duplicates: exact repeats and reworded copies, which earlier sentence each one copies, the limits. */

const rules = compilePack([
  rule('t/exact', '{ type: duplicates, minLength: 10 }', {
    message: '{count}处{minLength}字',
    extra: 'messages: { pass: "通过{count}/{minLength}" }',
  }),
  rule('t/done', '{ type: duplicates, minLength: 10, scope: done }', { message: '{count}' }),
  rule('t/similar', '{ type: duplicates, minLength: 10, similarity: 0.6 }', { message: '{count}' }),
]);

/** The share of the shorter sentence's distinct character pairs that the other has too. */
function pairShare(a: string, b: string): number {
  const pairs = (s: string) => new Set(Array.from({ length: s.length - 1 }, (_, i) => s.slice(i, i + 2)));
  const [pa, pb] = [pairs(a), pairs(b)];
  const shared = [...pa].filter((p) => pb.has(p)).length;
  return shared / Math.min(pa.size, pb.size);
}

const SENTENCE = '全年开展法治宣传进村入户活动十二场';

describe('exact repeats', () => {
  it('each repeat points at the first occurrence', async () => {
    const f = await findingOf(
      rules,
      report({ measures: [SENTENCE, SENTENCE, SENTENCE].join('。\n') + '。' }),
      't/exact',
    );
    expect([f.status, f.message]).toEqual(['fail', '2处10字']);
    expect(f.evidence.map((e) => [e.line, e.note])).toEqual([
      [4, '与第3行重复'],
      [5, '与第3行重复'],
    ]);
  });

  it('quotes at most five', async () => {
    const f = await findingOf(rules, report({ measures: Array(7).fill(`${SENTENCE}。`).join('\n') }), 't/exact');
    expect(f.message).toBe('6处10字');
    expect(f.evidence).toHaveLength(5);
  });

  it('a pass has no count', async () => {
    const f = await findingOf(rules, report({ measures: `${SENTENCE}。` }), 't/exact');
    expect([f.status, f.message]).toEqual(['pass', '通过{count}/10']);
  });

  it('headings count, the title does not; all parts unless the scope says otherwise', async () => {
    const heading = '（一）全面推进严格规范公正文明执法工作';
    const withHeading = await findings(rules, report({ measures: `${heading}\n做了。\n${heading}\n又做了。` }));
    expect(withHeading.get('t/exact')?.evidence.map((e) => [e.line, e.note])).toEqual([[5, '与第3行重复']]);
    const title = '白沙乡2025年法治政府建设工作报告';
    const withTitle = await findings(rules, report({ title, measures: `${title}。` }));
    expect(withTitle.get('t/exact')?.status).toBe('pass');
    const inPlan = await findings(rules, report({ measures: `${SENTENCE}。`, plan: `${SENTENCE}。` }));
    expect(inPlan.get('t/exact')?.status).toBe('fail');
    expect(inPlan.get('t/done')?.status).toBe('pass');
  });

  it('with similarity 1, a reworded copy is not a repeat', async () => {
    const all = await findings(rules, report({ measures: `${SENTENCE}。\n全年开展法治宣传进村入户活动十三场。` }));
    expect(all.get('t/exact')?.status).toBe('pass');
    expect(all.get('t/similar')?.status).toBe('fail');
  });
});

describe('reworded copies', () => {
  it('the note gives the share of character pairs, counting each pair once', async () => {
    const first = '法治宣传法治宣传进村入户活动共开展十二场';
    const copy = '法治宣传进村入户活动今年来共开展十三场次';
    const f = await findingOf(rules, report({ measures: `${first}。\n${copy}。` }), 't/similar');
    const share = pairShare(first, copy);
    expect(share).toBeGreaterThanOrEqual(0.6);
    expect(f.evidence.map((e) => [e.line, e.note])).toEqual([[4, `与第3行内容相近（${Math.round(share * 100)}%）`]]);
  });

  it('the most similar earlier sentence, the first of equals', async () => {
    const s1 = '组织机关干部参加法治专题培训班学习一次';
    const s2 = '组织机关干部参加法治专题培训班学习两次共计';
    const s3 = '组织机关干部参加法治专题培训班学习两次合计四天';
    const f = await findingOf(rules, report({ measures: [s1, s2, s3].map((s) => `${s}。`).join('\n') }), 't/similar');
    expect(pairShare(s3, s2)).toBeGreaterThan(pairShare(s3, s1));
    expect(f.evidence.map((e) => [e.line, e.note])).toEqual([
      [4, `与第3行内容相近（${Math.round(pairShare(s2, s1) * 100)}%）`],
      [5, `与第4行内容相近（${Math.round(pairShare(s3, s2) * 100)}%）`],
    ]);
    const t1 = '组织机关干部参加法治专题培训班学习甲乙';
    const t2 = '组织机关干部参加法治专题培训班学习丙丁';
    const t3 = '组织机关干部参加法治专题培训班学习戊己';
    expect(pairShare(t3, t1)).toBe(pairShare(t3, t2));
    const g = await findingOf(rules, report({ measures: [t1, t2, t3].map((s) => `${s}。`).join('\n') }), 't/similar');
    expect(g.evidence.map((e) => e.note?.slice(0, 5))).toEqual(['与第3行内', '与第3行内']);
  });

  it('sentences that share a few words are not copies', async () => {
    const a = '全年组织开展法治宣传活动十二场次';
    const b = '全年共办理行政复议案件三件均已办结';
    expect(pairShare(a, b)).toBeLessThan(0.6);
    expect(pairShare(a, b)).toBeGreaterThan(0);
    const f = await findingOf(rules, report({ measures: `${a}。\n${b}。` }), 't/similar');
    expect(f.status).toBe('pass');
  });

  it('a copy is found even when the pairs it shares are in too many sentences to index', async () => {
    // Thirty sentences with a common opening and nothing else in common, then a copy of the last.
    const unique = (i: number) =>
      Array.from({ length: 9 }, (_, k) => String.fromCharCode(0x4e00 + 40 + i * 9 + k)).join('');
    const sentences = Array.from({ length: 30 }, (_, i) => `全面推进依法行政工作${unique(i)}`);
    const last = sentences[29] as string;
    const copy = `${last.slice(0, -3)}${String.fromCharCode(0x4e00 + 2000, 0x4e00 + 2001, 0x4e00 + 2002)}`;
    for (let i = 0; i < 29; i++) expect(pairShare(sentences[i] as string, last)).toBeLessThan(0.6);
    expect(pairShare(copy, last)).toBeGreaterThanOrEqual(0.6);
    const text = [...sentences, copy].map((s) => `${s}。`).join('\n');
    const f = await findingOf(rules, report({ measures: text }), 't/similar');
    expect(f.evidence.map((e) => [e.line, e.note])).toEqual([
      [33, `与第32行内容相近（${Math.round(pairShare(copy, last) * 100)}%）`],
    ]);
  });
});
