import type { SourceText } from '../ingest/index.js';
import { normalizeLines, type NormalizedText } from '../text/normalize.js';
import { findArtefacts, isChromeLine } from './chrome.js';
import { matchHeading } from './headings.js';
import { extractMeta } from './meta.js';
import type { DocLine, Document, Heading, PartId, PartRef, Section } from './model.js';
import { classifyHeading } from './parts.js';
import { mapPacked } from '../shared/packed.js';

/** Split on \r\n, \n or a lone \r, keeping 1-based line numbers aligned with editors. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\n|\r/);
}

function buildLines(text: string): DocLine[] {
  const originals = splitLines(text);
  const artefacts = mapPacked(originals, (original) => findArtefacts(original));
  const norms = normalizeLines(originals, artefacts);
  return mapPacked(originals, (original, i): DocLine => {
    const norm = norms[i] as NormalizedText;
    const kind = norm.text.length === 0 ? 'blank' : isChromeLine(norm.text) ? 'chrome' : 'body';
    return { number: i + 1, original, norm, kind, artefacts: artefacts[i] ?? [], section: null, parts: [] };
  });
}

function headingOf(line: DocLine): Heading | null {
  const m = matchHeading(line.norm.text);
  if (!m) return null;
  const start = line.norm.map[m.titleStart] ?? 0;
  const end = (line.norm.map[m.titleEnd - 1] ?? start) + 1;
  return {
    level: m.level,
    marker: m.marker,
    title: line.original.slice(start, end).trim(),
    normTitle: line.norm.text.slice(m.titleStart, m.titleEnd),
    runIn: m.titleEnd < line.norm.text.length || /[。;!?]/.test(line.norm.text),
    line: line.number,
  };
}

/**
 * Parse decoded text into a Document: chrome out, title/body/year, heading tree,
 * and each section's statutory part(s).
 */
export function parseDocument(source: SourceText): Document {
  const lines = buildLines(source.text);
  const portal = source.meta ?? {};
  const meta = extractMeta(lines, portal);
  for (const n of meta.titleLines) {
    const line = lines[n - 1];
    if (line) line.kind = 'title';
  }

  const headings: Heading[] = [];
  const sections: Section[] = [];
  const stack: Section[] = [];
  for (const line of lines) {
    if (line.kind !== 'body') {
      if (line.kind === 'title' || line.kind === 'chrome') continue;
    }
    const heading = line.kind === 'body' ? headingOf(line) : null;
    if (heading) {
      line.kind = 'heading';
      headings.push(heading);
      while (stack.length > 0 && (stack[stack.length - 1] as Section).heading.level >= heading.level) {
        (stack.pop() as Section).endLine = line.number - 1;
      }
      const parent = stack[stack.length - 1] ?? null;
      // A run-in point (一是……) below a section is a paragraph, not a sub-section that can carry a part.
      const canCarryPart = !parent || heading.level <= 2 || !heading.runIn;
      const ownParts = canCarryPart ? classifyHeading(heading.normTitle, parent ? heading.level : 1, meta.year) : [];
      const section: Section = {
        heading,
        ownParts,
        parts: ownParts.length > 0 ? ownParts : (parent?.parts ?? []),
        // Nothing is inferred yet (its parent's flag included): inferUnnamedParts sets it below.
        inferred: false,
        parent,
        children: [],
        startLine: line.number,
        endLine: lines.length,
      };
      if (parent) parent.children.push(section);
      else sections.push(section);
      stack.push(section);
    }
    const current = stack[stack.length - 1] ?? null;
    line.section = current;
  }
  for (const open of stack) open.endLine = lines.length;

  inferUnnamedParts(sections);
  for (const line of lines) line.parts = line.section ? line.section.parts : [];

  const document: Document = {
    file: source.file,
    format: source.format,
    lines,
    meta: {
      // A portal page's own title stands in when the body has none.
      title: meta.title ?? portal.title ?? null,
      body: meta.body,
      year: meta.year,
      titleLine: meta.titleLine,
      published: meta.published,
      issuer: portal.issuer ?? null,
      indexNo: portal.indexNo ?? null,
    },
    sections,
    headings,
    parts: collectParts(sections),
    derived: new Map(),
  };
  if (source.place) document.place = source.place;
  return document;
}

/**
 * A top-level section whose heading names no part, standing before the problems and
 * plans, reports the year's work: it is 主要举措和成效 under another name
 * ("三、依法全面履职尽责，落实法治政府建设").
 */
function inferUnnamedParts(sections: Section[]): void {
  let seenLater = false;
  for (const section of sections) {
    if (section.ownParts.some((p) => p === 'shortcomings' || p === 'next-year' || p === 'other')) seenLater = true;
    if (section.ownParts.length > 0 || seenLater) continue;
    setInferred(section, ['measures']);
  }
}

function setInferred(section: Section, parts: PartId[]): void {
  section.parts = parts;
  section.inferred = true;
  for (const child of section.children) if (child.ownParts.length === 0) setInferred(child, parts);
}

function collectParts(sections: Section[]): PartRef[] {
  const refs: PartRef[] = [];
  const visit = (section: Section, inherited: PartId[]): void => {
    for (const id of section.parts) {
      if (inherited.includes(id)) continue;
      refs.push({
        id,
        heading: section.heading.title,
        line: section.heading.line,
        level: section.heading.level,
        topLevel: section.parent === null,
        inferred: section.inferred,
      });
    }
    for (const child of section.children) visit(child, section.parts);
  };
  for (const s of sections) visit(s, []);
  return refs;
}
