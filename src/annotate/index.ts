/**
 * The draft handed back with Word comments (批注): `fazhi annotate` and the self-check page's
 * "下载批注版 Word" both call annotateReport, so they write the same bytes. A .docx keeps every
 * part it had, byte for byte, except document.xml (markup inserted around the quotes), the
 * comments part, its relationship and its content type; other inputs become a new .docx.
 */
import { decodeXmlPart } from '../ingest/decode.js';
import { MAX_PART_BYTES } from '../ingest/docx/index.js';
import { extractParagraphs, type TracedLine } from '../ingest/docx/paragraphs.js';
import { extractEntry, readZipDirectory, storedData, type ZipEntry } from '../ingest/docx/zip.js';
import type { ReportResult, RuleInfo } from '../report/result.js';
import { InputError } from '../shared/errors.js';
import { anchorable, markRanges, type CommentRange } from './anchors.js';
import { planComments, titleLine, type PlannedComment } from './comments.js';
import { newDocumentXml, newPackageParts } from './new-docx.js';
import {
  addCommentsContentType,
  addCommentsRelationship,
  appendComments,
  commentsTarget,
  commentXml,
  highestId,
  newCommentsPart,
  resolveTarget,
  wordPrefix,
  xmlSafe,
} from './package.js';
import { writeZip, type ZipOutEntry } from './zip.js';

export { planComments, type PlannedComment } from './comments.js';

/** The report as it was read: its format, the original bytes (a .docx needs them) and the checked text. */
export interface AnnotateSource {
  format: string;
  bytes: Uint8Array | null;
  text: string;
  /** For messages: the file's name as the user gave it. */
  file?: string;
}

export interface Annotated {
  docx: Uint8Array;
  /** The comments written, in document order (the summary first). */
  comments: PlannedComment[];
}

const DOCUMENT = 'word/document.xml';
const DOCUMENT_RELS = 'word/_rels/document.xml.rels';
const CONTENT_TYPES = '[Content_Types].xml';

/** A package being edited: parts read on demand, and the parts replaced or added. */
interface PackageEdit {
  read(name: string): string | undefined;
  written: Map<string, string>;
}

export function annotateReport(source: AnnotateSource, report: ReportResult, rules: readonly RuleInfo[]): Uint8Array {
  return annotate(source, report, rules).docx;
}

export function annotate(source: AnnotateSource, report: ReportResult, rules: readonly RuleInfo[]): Annotated {
  const lines = source.text.split('\n');
  if (source.format === 'docx' && source.bytes)
    return annotateOriginal(source.bytes, source.file ?? '', lines, report, rules);
  return annotateNew(lines, report, rules);
}

function annotateOriginal(
  bytes: Uint8Array,
  file: string,
  lines: readonly string[],
  report: ReportResult,
  rules: readonly RuleInfo[],
): Annotated {
  let directory: Map<string, ZipEntry>;
  const cache = new Map<string, string | undefined>();
  const read = (name: string): string | undefined => {
    if (!cache.has(name)) {
      const entry = directory.get(name.toLowerCase());
      cache.set(name, entry && decodeXmlPart(extractEntry(bytes, entry, name, MAX_PART_BYTES)));
    }
    return cache.get(name);
  };
  try {
    directory = readZipDirectory(bytes);
    if (!read(DOCUMENT)) throw new Error('no document part');
  } catch {
    throw new InputError('Word 文档已损坏或不是 .docx 格式，无法写入批注', file, 'input-corrupt');
  }
  const edit: PackageEdit = { read, written: new Map() };
  const comments = addComments(edit, lines, report, rules);
  const entries: ZipOutEntry[] = [];
  const seen = new Set<string>();
  for (const entry of directory.values()) {
    const replaced = edit.written.get(entry.name) ?? edit.written.get(entry.name.toLowerCase());
    seen.add(entry.name.toLowerCase());
    entries.push(
      replaced !== undefined
        ? { kind: 'new', name: entry.name, content: utf8Xml(replaced) }
        : { kind: 'copy', ...entry, data: storedData(bytes, entry) },
    );
  }
  for (const [name, content] of edit.written) {
    if (!seen.has(name.toLowerCase())) entries.push({ kind: 'new', name, content: utf8Xml(content) });
  }
  return { docx: writeZip(entries), comments };
}

function annotateNew(lines: readonly string[], report: ReportResult, rules: readonly RuleInfo[]): Annotated {
  const headingLines = new Set(report.parts.map((p) => p.line));
  const documentXml = newDocumentXml(lines, { titleLine: titleLine(lines, report), headingLines });
  const parts = new Map(newPackageParts(documentXml).map((p) => [p.name, p.content]));
  const edit: PackageEdit = { read: (name) => parts.get(name), written: new Map() };
  const comments = addComments(edit, lines, report, rules);
  for (const [name, content] of edit.written) parts.set(name, content);
  const entries: ZipOutEntry[] = [...parts].map(([name, content]) => ({
    kind: 'new',
    name,
    content: utf8Xml(content),
  }));
  return { docx: writeZip(entries), comments };
}

/**
 * Plan the comments, mark their ranges in document.xml and write the comments part. The traced
 * paragraphs are matched to the checked text's lines: the .docx reader wrote one line per
 * paragraph with text, and a new document has one paragraph per line.
 */
function addComments(
  edit: PackageEdit,
  lines: readonly string[],
  report: ReportResult,
  rules: readonly RuleInfo[],
): PlannedComment[] {
  const xml = edit.read(DOCUMENT) as string;
  const traced: TracedLine[] = [];
  extractParagraphs(
    { document: xml, numbering: edit.read('word/numbering.xml'), styles: edit.read('word/styles.xml') },
    traced,
  );
  const byLine = alignLines(lines, traced);
  const canAnchor = (range: Omit<CommentRange, 'id'>): boolean => anchorable(byLine, range);
  const planned = planComments(report, rules, lines, canAnchor);
  if (planned.length === 0) return planned;

  const rels = edit.read(DOCUMENT_RELS) ?? EMPTY_RELS;
  const target = commentsTarget(rels);
  const commentsName = target ? resolveTarget(target) : 'word/comments.xml';
  const existing = target ? edit.read(commentsName) : undefined;
  const first = highestId(xml, existing ?? '') + 1;
  const w = wordPrefix(xml);
  const ranges = planned.map((c, i) => ({ id: first + i, from: c.from, to: c.to }));
  edit.written.set(DOCUMENT, markRanges(xml, byLine, ranges, w));
  const bodies = planned.map((c, i) => commentXml(first + i, c.paragraphs, existing ? wordPrefix(existing) : 'w:'));
  edit.written.set(commentsName, existing ? appendComments(existing, bodies) : newCommentsPart(bodies));
  if (!target) edit.written.set(DOCUMENT_RELS, addCommentsRelationship(rels));
  const types = edit.read(CONTENT_TYPES);
  if (types !== undefined) edit.written.set(CONTENT_TYPES, addCommentsContentType(types, `/${commentsName}`));
  return planned;
}

const EMPTY_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';

/**
 * The traced paragraph of each text line (index = line − 1), or an empty trace for a line that
 * has none (blank). Lines with text and traced paragraphs correspond one to one, in order.
 */
function alignLines(lines: readonly string[], traced: readonly TracedLine[]): TracedLine[] {
  const none: TracedLine = { pieces: [], offset: 0 };
  const out: TracedLine[] = [];
  let k = 0;
  for (const line of lines) {
    // xmlSafe turns controls into spaces, and the reader trims: such a line has no paragraph.
    const blank = xmlSafe(line).trim() === '';
    out.push(blank ? none : (traced[k++] ?? none));
  }
  return out;
}

/** A part as UTF-8 bytes, its XML declaration saying so (a UTF-16 part is rewritten in UTF-8). */
function utf8Xml(xml: string): Uint8Array {
  return new TextEncoder().encode(xml.replace(/^\ufeff?(<\?xml[^>]*?\bencoding\s*=\s*)(["'])[^"']*\2/, '$1$2UTF-8$2'));
}
