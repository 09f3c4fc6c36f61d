import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { annotate, type Annotated } from '../src/annotate/index.js';
import { decodeXmlPart } from '../src/ingest/decode.js';
import { extractEntry, readZipDirectory, storedData } from '../src/ingest/docx/zip.js';
import { readInputBytes } from '../src/ingest/index.js';
import { DEFAULT_PACKS, loadPackSet } from '../src/packs/load.js';
import { ReportChecker } from '../src/report/checker.js';
import type { ReportResult, RuleInfo } from '../src/report/result.js';
import { runHead } from '../src/run/batch.js';
import { coveredText } from './annotate-helpers.js';
import { ROOT } from './helpers.js';

const checker = new ReportChecker(loadPackSet(DEFAULT_PACKS));
const DOCX = path.join(ROOT, 'test/fixtures/docx/taojia-2025.docx');

interface Case {
  report: ReportResult;
  rules: RuleInfo[];
  out: Annotated;
  bytes: Uint8Array;
}

async function annotateFile(file: string, bytesOverride?: Uint8Array): Promise<Case> {
  const read = await readInputBytes(file);
  const bytes = bytesOverride ?? read.bytes;
  const source = bytesOverride
    ? { ...read.source, text: (await readFromBytes(bytesOverride, file)).text }
    : read.source;
  const report = await checker.check(source);
  const { rules } = runHead(checker, [file]);
  return { report, rules, out: annotate({ format: source.format, bytes, text: source.text }, report, rules), bytes };
}

async function readFromBytes(bytes: Uint8Array, name: string) {
  const tmp = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-annotate-')), path.basename(name));
  fs.writeFileSync(tmp, bytes);
  try {
    return (await readInputBytes(tmp)).source;
  } finally {
    fs.rmSync(path.dirname(tmp), { recursive: true, force: true });
  }
}

function part(docx: Uint8Array, name: string): string | undefined {
  const entry = readZipDirectory(docx).get(name.toLowerCase());
  return entry && decodeXmlPart(extractEntry(docx, entry, name, 50 * 1024 * 1024));
}

const EDITED = new Set([
  'word/document.xml',
  'word/comments.xml',
  'word/_rels/document.xml.rels',
  '[content_types].xml',
]);

describe('fazhi annotate on a Word document', async () => {
  const { report, out, bytes } = await annotateFile(DOCX);
  const documentXml = part(out.docx, 'word/document.xml') as string;
  const commentsXml = part(out.docx, 'word/comments.xml') as string;

  it('keeps every other part of the package byte for byte, in the same order', () => {
    const before = readZipDirectory(bytes);
    const after = readZipDirectory(out.docx);
    expect([...after.keys()].filter((k) => before.has(k))).toEqual([...before.keys()]);
    for (const [name, entry] of before) {
      if (EDITED.has(name)) continue;
      const copy = after.get(name);
      expect(copy, name).toBeDefined();
      expect(Buffer.from(storedData(out.docx, copy!)).equals(Buffer.from(storedData(bytes, entry))), name).toBe(true);
      expect(copy!.crc).toBe(entry.crc);
    }
  });

  it('reads back to the same text, so a check of the copy gives the same verdicts', async () => {
    const again = await readFromBytes(out.docx, 'copy.docx');
    const original = await readFromBytes(bytes, 'original.docx');
    expect(again.text).toBe(original.text);
    const copyReport = await checker.check(again);
    expect(copyReport.findings.map((f) => [f.ruleId, f.status])).toEqual(
      report.findings.map((f) => [f.ruleId, f.status]),
    );
    expect(copyReport.score.total).toBe(report.score.total);
  });

  it('adds the comments part with its relationship and content type, ids unique, every range closed and referenced', () => {
    const ids = [...commentsXml.matchAll(/<w:comment w:id="(\d+)"/g)].map((m) => Number(m[1]));
    expect(ids).toHaveLength(out.comments.length);
    expect(new Set(ids).size).toBe(ids.length);
    const covered = coveredText(documentXml);
    expect([...covered.keys()].sort((a, b) => a - b)).toEqual([...ids].sort((a, b) => a - b));
    const rels = part(out.docx, 'word/_rels/document.xml.rels') as string;
    expect(rels.match(/relationships\/comments"/g)).toHaveLength(1);
    const types = part(out.docx, '[Content_Types].xml') as string;
    const overrides = [...types.matchAll(/<Override [^>]*PartName="\/word\/comments\.xml"[^>]*>/g)].map((m) => m[0]);
    expect(overrides).toHaveLength(1);
    expect(overrides[0]).toContain(
      'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"',
    );
  });

  it('anchors each quoted comment on exactly its quote', () => {
    const covered = coveredText(documentXml);
    const ids = [...commentsXml.matchAll(/<w:comment w:id="(\d+)"/g)].map((m) => Number(m[1]));
    const quoted = out.comments.map((c, i) => ({ c, id: ids[i] as number })).filter(({ c }) => c.quote !== undefined);
    expect(quoted.length).toBeGreaterThan(0);
    for (const { c, id } of quoted) expect(covered.get(id)).toBe(c.quote);
  });

  it('says, for a quoted finding, the rule title, the message, the fix and the clause with its standing', () => {
    const f = report.findings.find((x) => x.status === 'fail' && x.evidence.length > 0)!;
    const comment = out.comments.find((c) => c.quote !== undefined && c.paragraphs[0]!.text.includes(f.title))!;
    const text = comment.paragraphs.map((p) => p.text).join('\n');
    expect(text).toContain(f.message);
    expect(text).toContain(`修改建议：${f.fix}`);
    expect(text).toMatch(new RegExp(`依据：.+（(正式规定|地方实践，非官方指标)）`));
    expect(commentsXml).toContain(f.title);
  });

  it('lists missing content on the heading of the part where it belongs', () => {
    const measures = report.parts.find((p) => p.id === 'measures')!;
    const missing = out.comments.find((c) => c.paragraphs[0]!.text.startsWith('“主要举措和成效”部分缺少以下内容'))!;
    expect(missing.from.line).toBe(measures.line);
    const unquoted = report.findings.filter((f) => f.status === 'fail' && f.evidence.length === 0);
    const listed = missing.paragraphs.filter((p) => /^\d+\. 【/.test(p.text));
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.length).toBeLessThanOrEqual(unquoted.length);
  });

  it('puts a summary on the title: score, grade and the three weakest areas', () => {
    const summary = out.comments[0]!;
    expect(summary.from.line).toBe(1);
    const text = summary.paragraphs.map((p) => p.text).join('\n');
    expect(text).toContain(`${report.score.total.toFixed(1)}分（${report.score.grade}）`);
    const weakest = text.match(/最需加强：(.+)/)?.[1]?.split('；') ?? [];
    expect(weakest).toHaveLength(3);
    const ratio = (title: string) => {
      const a = report.score.areas.find((x) => x.title === title)!;
      return a.score / a.max;
    };
    const ratios = weakest.map((w) => ratio(w.split('（')[0]!));
    expect(ratios).toEqual([...ratios].sort((a, b) => a - b));
    const others = report.score.areas.filter((a) => !weakest.some((w) => w.startsWith(`${a.title}（`)) && a.max > 0);
    for (const a of others) expect(a.score / a.max).toBeGreaterThanOrEqual(ratios[2]!);
  });

  it('writes the same bytes every time', async () => {
    const second = await annotateFile(DOCX);
    expect(Buffer.from(second.out.docx).equals(Buffer.from(out.docx))).toBe(true);
  });

  it('keeps the comments a document already has, and numbers its own above them', async () => {
    const twice = await annotateFile(DOCX, out.docx);
    const comments = part(twice.out.docx, 'word/comments.xml') as string;
    const ids = [...comments.matchAll(/<w:comment w:id="(\d+)"/g)].map((m) => Number(m[1]));
    expect(ids).toHaveLength(out.comments.length * 2);
    expect(new Set(ids).size).toBe(ids.length);
    expect(comments.startsWith(commentsXml.slice(0, commentsXml.lastIndexOf('</w:comments>')))).toBe(true);
    expect(part(twice.out.docx, '[Content_Types].xml')!.match(/comments\+xml/g)).toHaveLength(1);
    expect(part(twice.out.docx, 'word/_rels/document.xml.rels')!.match(/relationships\/comments"/g)).toHaveLength(1);
    expect(coveredText(part(twice.out.docx, 'word/document.xml')!).size).toBe(ids.length);
  });
});

describe('fazhi annotate on plain text', async () => {
  const file = path.join(ROOT, 'reports/draft-low-mediation.txt');
  const { report, out } = await annotateFile(file);

  it('writes a new Word document whose paragraphs are the lines of the text', async () => {
    const back = await readFromBytes(out.docx, 'new.docx');
    const text = fs.readFileSync(file, 'utf8').replace(/\r\n?/g, '\n');
    const lines = text
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '');
    expect(back.text.split('\n')).toEqual(lines);
    const recheck = await checker.check(back);
    expect(recheck.findings.map((f) => [f.ruleId, f.status])).toEqual(report.findings.map((f) => [f.ruleId, f.status]));
  });

  it('anchors every quote there too', () => {
    const documentXml = part(out.docx, 'word/document.xml') as string;
    const covered = coveredText(documentXml);
    const quoted = out.comments.filter((c) => c.quote !== undefined);
    expect(quoted.length).toBeGreaterThan(0);
    expect(covered.size).toBe(out.comments.length);
    const ids = [...covered.keys()].sort((a, b) => a - b);
    out.comments.forEach((c, i) => {
      if (c.quote !== undefined) expect(covered.get(ids[i]!)).toBe(c.quote);
    });
  });
});
