import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, type TestContext } from 'vitest';
import { ROOT, runCli } from './helpers.js';
import { findProgram, needProgram } from './programs.js';

/** Legacy Word and WPS files: converted by LibreOffice where it is installed, else the 另存为 message. */
const soffice = findProgram('soffice', 'libreoffice');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-legacy-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
// The .doc is LibreOffice's own save of the .docx beside it.
const DOC = path.join(ROOT, 'test/fixtures/docx/xuantan-2024.doc');
const DOCX = path.join(ROOT, 'test/fixtures/docx/xuantan-2024.docx');
fs.copyFileSync(DOC, path.join(dir, '玄滩镇.wps'));
fs.writeFileSync(
  path.join(dir, '坏.doc'),
  Buffer.concat([fs.readFileSync(DOC).subarray(0, 512), Buffer.alloc(2048, 7)]),
);

const verdicts = (stdout: string) => {
  const json = JSON.parse(stdout) as {
    reports: Array<{ score: { total: number }; findings: Array<{ ruleId: string; status: string }> }>;
  };
  const [report] = json.reports;
  return { total: report?.score.total, findings: report?.findings.map((f) => `${f.ruleId}:${f.status}`) };
};
const needLibreOffice = (ctx: TestContext) =>
  needProgram(ctx, soffice, 'LibreOffice (soffice)', 'apt-get install libreoffice-writer-nogui');

describe('legacy Word and WPS files', () => {
  it.for([
    ['.doc', DOC],
    ['.wps', path.join(dir, '玄滩镇.wps')],
  ])('a %s file is converted by LibreOffice and checked like the .docx it came from', ([, file], ctx) => {
    if (!needLibreOffice(ctx)) return;
    const legacy = runCli(['check', file!, '-f', 'json']);
    expect(legacy.stderr).toBe('');
    expect(verdicts(legacy.stdout)).toEqual(verdicts(runCli(['check', DOCX, '-f', 'json']).stdout));
  });

  it('a damaged legacy file gets one Chinese line naming it, exit code 2', (ctx) => {
    if (!needLibreOffice(ctx)) return;
    const run = runCli(['check', path.join(dir, '坏.doc'), '-f', 'json']);
    expect(run.code).toBe(2);
    const failures = (JSON.parse(run.stdout) as { failures: Array<{ message: string; code: string }> }).failures;
    expect(failures).toEqual([
      {
        file: path.join(dir, '坏.doc'),
        message: expect.stringMatching(/^旧版 Word（\.doc\/\.wps）文件无法由 LibreOffice 转换.*另存为 \.docx/),
        code: 'input-unsupported',
      },
    ]);
  });

  it('leaves nothing in the temporary folder: neither the conversion nor LibreOffice’s profile', (ctx) => {
    if (!needLibreOffice(ctx)) return;
    const tmp = fs.mkdtempSync(path.join(dir, 'tmp-'));
    const run = runCli(['check', DOC, '-f', 'json', '--fail-on', 'never'], {
      env: { ...process.env, NO_COLOR: '1', TMPDIR: tmp },
    });
    expect(run.code, run.stderr).toBe(0);
    expect(fs.readdirSync(tmp)).toEqual([]);
  });

  it('leaves nothing there when worker threads convert (a user pack’s regexes are run in workers)', (ctx) => {
    if (!needLibreOffice(ctx)) return;
    const tmp = fs.mkdtempSync(path.join(dir, 'tmp-'));
    const docs = fs.mkdtempSync(path.join(dir, 'docs-'));
    for (const name of ['甲镇.doc', '乙镇.doc']) fs.copyFileSync(DOC, path.join(docs, name));
    const pack = path.join(ROOT, 'rules/examples/province.yaml');
    const run = runCli(['check', docs, '--jobs', '2', '-p', pack, '-f', 'json', '--fail-on', 'never'], {
      env: { ...process.env, NO_COLOR: '1', TMPDIR: tmp },
    });
    expect(run.code, run.stderr).toBe(0);
    expect((JSON.parse(run.stdout) as { reports: unknown[] }).reports).toHaveLength(2);
    expect(fs.readdirSync(tmp)).toEqual([]);
  });

  it('fazhi annotate writes the converted copy with its comments', (ctx) => {
    if (!needLibreOffice(ctx)) return;
    const out = path.join(dir, '玄滩镇.批注.docx');
    const run = runCli(['annotate', DOC, '-o', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('由 LibreOffice 从旧版格式转换后的副本');
    expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });

  it('without LibreOffice, says to save it as .docx (exit code 2)', () => {
    const run = runCli(['check', DOC], { env: { ...process.env, NO_COLOR: '1', FAZHI_SOFFICE: '' } });
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('请另存为 .docx（未加密）；安装 LibreOffice 后可自动转换 .doc/.wps');
  });
});
