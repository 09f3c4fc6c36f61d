import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it, type TestContext } from 'vitest';
import { runCli } from './helpers.js';
import { findProgram, needProgram } from './programs.js';

/**
 * Word is not available here, so the annotated copies are held to what LibreOffice accepts:
 * converted headless to OpenDocument, every comment must survive as an office:annotation
 * with its text, and the document's own paragraphs must all be there.
 */
const soffice = findProgram('soffice', 'libreoffice');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-lo-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const INPUTS: Array<[string, string, string]> = [
  ['a Word report (comments added to a copy)', 'test/fixtures/docx/taojia-2025.docx', 'taojia.docx'],
  ['a text report (a new document)', 'reports/draft-low-mediation.txt', 'draft.docx'],
  ['a web page (a new document)', 'test/fixtures/html/xuantan-2024.html', 'portal.docx'],
];

let converted: Map<string, { comments: number; odt: string }> | undefined;

/** Annotate every input, then convert them all in one LibreOffice run (each start costs seconds). */
function convertAll(program: string): Map<string, { comments: number; odt: string }> {
  if (converted) return converted;
  const out = new Map<string, { comments: number; odt: string }>();
  for (const [, input, output] of INPUTS) {
    const run = runCli(['annotate', input, '-o', path.join(dir, output)]);
    expect(run.code, run.stderr).toBe(0);
    const comments = Number(/批注 (\d+) 条/.exec(run.stdout)?.[1]);
    out.set(output, { comments, odt: path.join(dir, output.replace(/\.docx$/, '.odt')) });
  }
  const lo = spawnSync(
    program,
    [
      `-env:UserInstallation=file://${path.join(dir, 'profile')}`,
      '--headless',
      '--convert-to',
      'odt',
      '--outdir',
      dir,
      ...INPUTS.map(([, , output]) => path.join(dir, output)),
    ],
    { encoding: 'utf8', timeout: 180_000 },
  );
  expect(lo.status, lo.stderr).toBe(0);
  converted = out;
  return out;
}

describe('annotated copies open in LibreOffice', () => {
  it.for(INPUTS)(
    '%s: every comment survives the conversion',
    { timeout: 240_000 },
    ([, , output], ctx: TestContext) => {
      if (!needProgram(ctx, soffice, 'LibreOffice (soffice)', 'apt-get install libreoffice-writer-nogui')) return;
      const { comments, odt } = convertAll(soffice).get(output)!;
      const content = strFromU8(unzipSync(fs.readFileSync(odt))['content.xml']!);
      const annotations = content.match(/<office:annotation[ >]/g) ?? [];
      expect(comments).toBeGreaterThan(1);
      expect(annotations).toHaveLength(comments);
      expect(content.match(/<office:annotation-end /g) ?? []).toHaveLength(comments);
      // LibreOffice cuts a comment's text into spans where the script changes.
      const texts = [...content.matchAll(/<office:annotation[ >][\s\S]*?<\/office:annotation>/g)].map((m) =>
        m[0].replace(/<(dc|meta):[^>]*>[^<]*<\/(dc|meta):[^>]*>/g, '').replace(/<[^>]+>/g, ''),
      );
      const summary = texts.filter((t) => /^fazhi 检查结果：\d+\.\d分/.test(t));
      expect(summary).toHaveLength(1);
      expect(texts.filter((t) => !summary.includes(t)).every((t) => t.includes('修改建议：'))).toBe(true);
    },
  );
});
