/**
 * fazhi check on several files: paragraphs two or more towns share, as a closing batch section
 * (issue 18). A batch result only: a report's own verdicts and score never change with it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import stringWidth from 'string-width';
import { checkAll, type RunOptions, type RunResult } from '../src/index.js';
import { stylishFormatter } from '../src/formatters/stylish.js';
import { builtinRules, ROOT, runCli } from './helpers.js';

interface SharedJson {
  text: string;
  similarity: number;
  reports: Array<{ file: string; town: string | null; line: number }>;
}
interface RunJson {
  reports: Array<{ file: string; findings: unknown[]; score: unknown }>;
  batch?: { shared: SharedJson[] };
}

// Written for this test: the same paragraph in two towns, a few characters changed.
const COPIED =
  '全年组织镇村干部开展集中学法活动十二次，邀请县司法局律师围绕行政复议法、信访工作条例进行专题授课，参学人数累计达六百余人次。';
const COPIED_AGAIN =
  '全年组织镇村干部开展集中学法活动十四次，邀请县司法局律师围绕行政复议法、信访工作条例进行专题授课，参学人数累计达六百余人次。';
// A near-miss: the same subject and opening, the rest its own.
const NEAR_MISS =
  '全年组织镇村干部开展集中学法活动十二次，另由镇司法所所长结合本地土地纠纷案例逐一讲解调解流程，并组织闭卷测试两轮。';
const GUIDING =
  '我镇坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，深入学习贯彻习近平法治思想，扎实推进法治政府建设。';

// Lines under 30 characters are never compared: the template around each town's own paragraphs.
function report(town: string, paragraphs: string[]): string {
  return [
    `${town}2025年法治政府建设工作报告`,
    GUIDING.replace('我镇', town),
    '一、主要举措和成效',
    ...paragraphs,
    '二、存在的不足和原因',
    '部分村法律明白人作用发挥不够充分。',
    '三、党政主要负责人履行推进法治建设第一责任人职责情况',
    '党委书记主持召开法治建设专题会议三次。',
    '四、2026年工作安排',
    '力争矛盾纠纷调解成功率保持在95%以上。',
  ].join('\n');
}

const TOWNS: Array<[string, string, string[]]> = [
  [
    'a-qingshi.txt',
    '青石镇',
    [COPIED, '青石镇建成村级公共法律服务工作室九个，为群众提供法律咨询二百余次，化解邻里纠纷三十一件。'],
  ],
  [
    'b-baisha.txt',
    '白沙乡',
    ['白沙乡聘请两名执业律师担任政府法律顾问，全年审查行政规范性文件和重大合同十七件。', COPIED_AGAIN],
  ],
  [
    'c-jinhe.txt',
    '金河镇',
    [NEAR_MISS, '金河镇推行行政执法公示制度，在镇政府网站公开执法结果四十六条，做到应公开尽公开。'],
  ],
];

let dir: string;
const files = () => TOWNS.map(([f]) => path.join(dir, f));
const check = (...args: string[]) => runCli(['check', ...args, '--no-progress', '--no-config']);
const json = (...args: string[]) => JSON.parse(check('-f', 'json', ...args).stdout) as RunJson;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-shared-'));
  for (const [file, town, paragraphs] of TOWNS) fs.writeFileSync(path.join(dir, file), report(town, paragraphs));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('check on a folder: paragraphs shared between towns', () => {
  it('lists the near-identical paragraph with both reports, not the near-miss nor the guiding formula', () => {
    const run = json(dir);
    const shared = run.batch?.shared ?? [];
    expect(shared).toHaveLength(1);
    const [group] = shared;
    expect(group!.text).toBe(COPIED);
    expect(group!.similarity).toBeGreaterThanOrEqual(0.8);
    expect(group!.similarity).toBeLessThan(1);
    expect(group!.reports.map((r) => [path.basename(r.file), r.town, r.line])).toEqual([
      ['a-qingshi.txt', '青石镇', 4],
      ['b-baisha.txt', '白沙乡', 5],
    ]);
    expect(JSON.stringify(shared)).not.toContain('思想为指导');
    const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'docs/result.schema.json'), 'utf8')) as object;
    const validate = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);
    expect(validate(run), JSON.stringify(validate.errors)).toBe(true);
  });

  it('gives byte-identical JSON on one thread and on two', () => {
    const one = check('-f', 'json', '--jobs', '1', ...files());
    const two = check('-f', 'json', '--jobs', '2', ...files());
    expect(one.code).toBe(two.code);
    expect(two.stdout).toBe(one.stdout);
  });

  it('worker threads send each report’s paragraphs back the same as this thread finds them', async () => {
    // The built library: a worker thread runs dist/run/worker.js.
    const lib = (await import(path.join(ROOT, 'dist/index.js'))) as typeof import('../src/index.js');
    const { sharedTexts } = (await import(
      path.join(ROOT, 'dist/compare/shared.js')
    )) as typeof import('../src/compare/shared.js');
    const checker = new lib.Checker(lib.loadPackSet());
    const pool = { packs: lib.DEFAULT_PACKS, configFile: null, params: {} };
    const none = { lines: [], texts: [], sigs: new Uint32Array(0) };
    const collect = async (options: RunOptions) => {
      const got: Parameters<typeof sharedTexts>[0][number][] = [];
      await lib.checkEach([dir], checker, { ...options, paragraphs: true }, (c) => {
        if ('report' in c)
          got.push({ file: c.report.file, town: c.report.meta.body, paragraphs: c.paragraphs ?? none });
      });
      return got;
    };
    const here = await collect({ jobs: 1 });
    const workers = await collect({ jobs: 2, pool, isolate: true });
    expect(here.map((r) => r.paragraphs.texts.length)).toEqual([2, 2, 2]);
    // One signature of 24 numbers a paragraph, end to end.
    expect(here.map((r) => r.paragraphs.sigs.length)).toEqual([48, 48, 48]);
    expect(workers).toEqual(here);
    expect(sharedTexts(workers)).toEqual(sharedTexts(here));
    expect(sharedTexts(here)).toHaveLength(1);
  });

  it('leaves every report’s verdicts and score as they are alone', () => {
    const together = json(dir).reports;
    for (const file of files()) {
      const alone = json(file);
      expect(alone.batch).toBeUndefined();
      const same = together.find((r) => r.file === alone.reports[0]!.file)!;
      expect(same.findings).toEqual(alone.reports[0]!.findings);
      expect(same.score).toEqual(alone.reports[0]!.score);
    }
  });

  it('closes the terminal report with the section, after the ranking; --no-shared leaves it out', () => {
    const out = check(dir).stdout;
    const at = out.indexOf('跨单位雷同段落（1 处）');
    expect(at).toBeGreaterThan(out.indexOf('排名'));
    expect(out.slice(at)).toMatch(/a-qingshi\.txt:4、.*b-baisha\.txt:5/);
    expect(out.slice(at)).not.toContain('c-jinhe.txt');
    const off = check('--no-shared', dir);
    expect(off.stdout).not.toContain('跨单位雷同段落');
    expect(JSON.parse(check('-f', 'json', '--no-shared', dir).stdout)).not.toHaveProperty('batch');
  });

  it('cuts each paragraph to one line of the terminal', async () => {
    const run: RunResult = { ...(await checkAll(files(), builtinRules())), batch: json(dir).batch! };
    const out = stylishFormatter(run, { color: false, verbose: false, columns: 40 });
    const section = out.slice(out.indexOf('跨单位雷同段落'));
    const line = section.split('\n').find((l) => l.startsWith('  1. “'));
    expect(line).toMatch(/…”$/);
    expect(stringWidth(line!)).toBeLessThanOrEqual(40);
    for (const l of section.split('\n')) expect(stringWidth(l), l).toBeLessThanOrEqual(40);
  });

  it('has a section in Markdown and HTML too', () => {
    const md = check('-f', 'markdown', dir).stdout;
    expect(md).toContain('## 跨单位雷同段落');
    expect(md).toMatch(/a-qingshi\.txt 第4行、.*b-baisha\.txt 第5行/);
    const html = check('-f', 'html', dir).stdout;
    expect(html).toContain('<h2>跨单位雷同段落（1 处）</h2>');
    expect(html.indexOf('id="shared"')).toBeLessThan(html.indexOf('<footer>'));
  });
});
