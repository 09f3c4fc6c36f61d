import type { SourcePlace } from '../ingest/index.js';
import type { NormalizedText } from '../text/normalize.js';

/** The five statutory parts of an annual report (ids are part of the public contract). */
export const PART_IDS = ['measures', 'shortcomings', 'first-responsible', 'next-year', 'other'] as const;
export type PartId = (typeof PART_IDS)[number];

export const PART_TITLES: Record<PartId, string> = {
  measures: '主要举措和成效',
  shortcomings: '存在的不足和原因',
  'first-responsible': '党政主要负责人履行推进法治建设第一责任人职责情况',
  'next-year': '下一年度推进法治政府建设的主要安排',
  other: '其他需要报告的情况',
};

/** Parts whose text is not evidence that something was done (a plan, a problem). */
export const NOT_DONE_PARTS: readonly PartId[] = ['next-year', 'shortcomings'];

export type LineKind = 'blank' | 'chrome' | 'title' | 'heading' | 'body';

/** The lines whose text facts and sentences are drawn from: body, headings, the title. */
export const isTextLine = (line: { kind: LineKind }): boolean =>
  line.kind === 'body' || line.kind === 'heading' || line.kind === 'title';

/** A half-open span of UTF-16 code units within one original line (0-based). */
export interface Span {
  start: number;
  end: number;
}

export interface DocLine {
  /** 1-based line number in the decoded source text. */
  number: number;
  /** The line as in the source, without its terminator. */
  original: string;
  /** Matching form (normalised, artefacts removed) with a map back to `original`. */
  norm: NormalizedText;
  kind: LineKind;
  /** Word/HTML artefacts found in this line (kept out of `norm`). */
  artefacts: Span[];
  /** Innermost section containing the line (null in the preamble). */
  section: Section | null;
  /** Statutory parts the line belongs to (empty in the preamble). */
  parts: PartId[];
}

export interface Heading {
  /** 1 = 一、  2 = （一）  3 = 一是  4 = 1. / 1、 / （1） */
  level: 1 | 2 | 3 | 4;
  /** The numbering as written, e.g. 三、 or (二). */
  marker: string;
  /** Heading text in original characters, run-in body text cut off. */
  title: string;
  /** Normalised heading text used for classification. */
  normTitle: string;
  /** The heading runs on into its paragraph (一是……。其他内容). */
  runIn: boolean;
  line: number;
}

export interface Section {
  heading: Heading;
  /** Parts named by this section's own heading. */
  ownParts: PartId[];
  /** Parts in force for the section: its own, else inherited, else inferred (top level). */
  parts: PartId[];
  /** True when `parts` was inferred from position rather than read from the heading. */
  inferred: boolean;
  parent: Section | null;
  children: Section[];
  startLine: number;
  endLine: number;
}

export interface PartRef {
  id: PartId;
  heading: string;
  line: number;
  /** Heading level of the section that carries the part (1 = 一、). */
  level: number;
  /** Carried by a top-level section (not a sub-section). */
  topLevel: boolean;
  inferred: boolean;
}

export interface DocumentMeta {
  title: string | null;
  body: string | null;
  year: number | null;
  titleLine: number | null;
  /** Publication metadata from a portal page (null when the input carries none). */
  published: string | null;
  issuer: string | null;
  indexNo: string | null;
}

export interface Document {
  file: string;
  format: string;
  /** Maps a text line and column back to the original file (page, paragraph), when not plain text. */
  place?: (line: number, column: number) => SourcePlace;
  lines: DocLine[];
  meta: DocumentMeta;
  /** Top-level sections in order. */
  sections: Section[];
  /** Every heading in order. */
  headings: Heading[];
  /** Parts found, in document order (top-level sections and sub-sections that name a different part). */
  parts: PartRef[];
  /**
   * What later stages derive from this document once (its sentences, their concept matches), each
   * under a key of its own. Kept with the document, it goes when the document goes: WeakMaps keyed
   * by document cost the collector work for every report.
   */
  derived: Map<symbol, unknown>;
}
