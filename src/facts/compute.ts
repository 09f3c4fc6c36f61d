import { isTextLine, PART_IDS, type DocLine, type Document, type PartId } from '../document/model.js';
import type { CompiledPattern } from '../packs/patterns.js';
import type { MetricDef } from '../packs/model.js';
import { toOriginalEnd, toOriginalStart } from '../text/normalize.js';
import { clauseAround, clauseEndForMetric, clauseStartForMetric } from './clauses.js';
import {
  factId,
  type Facts,
  type FactValue,
  type Hit,
  type LineSpan,
  type MetricValue,
  type NumberAt,
} from './model.js';
import { findNumbers, type NumberToken } from './numbers.js';
import { documentPresence, type Presence } from './presence.js';
import { inScope } from './scope.js';
import { conceptMatches, type CompiledConcept } from './concepts.js';
import { sentencesOf, type Sentence } from './sentences.js';
import { mapPacked } from '../shared/packed.js';

export interface CompiledMetric {
  def: MetricDef;
  units: Set<string>;
  context: RegExp | null;
  after: RegExp | null;
  exclude: RegExp | null;
}

/** A fact a check type derives from the others (e.g. a ratio, a count of duplicates). */
export type ComputedFact = (facts: Facts) => FactValue;

/** What a compiled rule set needs from each report: computed once, whatever the rule count. */
export interface FactPlan {
  patterns: CompiledPattern[];
  /** Scopes whose hit counts the conditions read, per pattern key. */
  scopes: Map<string, Set<string>>;
  metrics: CompiledMetric[];
  /** Derived facts by id, evaluated after hits, numbers and metrics. */
  computed: Map<string, ComputedFact>;
  /**
   * The packs' plan context (contexts.plan: plans and shortfalls): a hit in a sentence that
   * holds one is not `done`, in whichever part it stands.
   */
  planContext?: CompiledConcept[];
}

function span(line: DocLine, normStart: number, normEnd: number): LineSpan {
  const start = toOriginalStart(line.norm, normStart);
  return { line: line.number, start, end: toOriginalEnd(line.norm, normStart, normEnd, start) };
}

/** The text lines of a document joined by \n, so each pattern runs once per document, not per line. */
interface Joined {
  text: string;
  starts: number[];
  lines: DocLine[];
}

function join(lines: DocLine[], raw: boolean): Joined {
  const starts: number[] = [];
  let offset = 0;
  const parts = mapPacked(lines, (line) => {
    const text = raw ? line.original : line.norm.text;
    starts.push(offset);
    offset += text.length + 1;
    return text;
  });
  return { text: parts.join('\n'), starts, lines };
}

/** Index of the line containing joined offset `at` (binary search). */
function lineIndexAt(starts: number[], at: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Per line number, the [start, end) of its sentences that are plans or shortfalls (normalised offsets). */
type PlannedSpans = Map<number, Array<readonly [number, number]>>;

function plannedSpans(document: Document, context: readonly CompiledConcept[]): PlannedSpans {
  const spans: PlannedSpans = new Map();
  if (context.length === 0) return spans;
  const sentences = sentencesOf(document);
  const planned = new Set<number>();
  for (const concept of context) for (const i of conceptMatches(document, concept).keys()) planned.add(i);
  for (const i of [...planned].sort((a, b) => a - b)) {
    const { line, start, end } = sentences[i] as Sentence;
    const list = spans.get(line.number) ?? [];
    list.push([start, end]);
    spans.set(line.number, list);
  }
  return spans;
}

const NO_PLANNED: PlannedSpans = new Map();

/** Whether normalised offset `at` of a line falls in one of its planned sentences. */
function inPlannedSentence(planned: PlannedSpans, lineNumber: number, at: number): boolean {
  const spans = planned.get(lineNumber);
  if (spans === undefined) return false;
  for (const [a, b] of spans) if (at >= a && at < b) return true;
  return false;
}

function findHits(joined: Joined, pattern: CompiledPattern, planned: PlannedSpans = NO_PLANNED): Hit[] {
  const hits: Hit[] = [];
  const { re, raw, key } = pattern;
  const joinedText = joined.text;
  re.lastIndex = 0;
  // exec, not matchAll: matchAll copies the regex on every call (97 patterns, every report).
  for (let m = re.exec(joinedText); m !== null; m = re.exec(joinedText)) {
    const matched = m[0];
    if (matched.length === 0) {
      re.lastIndex++;
      continue;
    }
    if (pattern.validate && !pattern.validate(matched)) continue;
    const index = lineIndexAt(joined.starts, m.index);
    const line = joined.lines[index] as DocLine;
    const text = raw ? line.original : line.norm.text;
    const from = m.index - (joined.starts[index] as number);
    const to = Math.min(from + matched.length, text.length);
    const [cs, ce] = clauseAround(text, from, to);
    if (pattern.not && pattern.not.test(text.slice(cs, ce))) continue;
    // Raw patterns already work in original offsets; a hit is built in one piece, in the order of Hit's fields.
    const start = raw ? from : toOriginalStart(line.norm, from);
    const end = raw ? to : toOriginalEnd(line.norm, from, to, start);
    const hit: Hit = {
      key,
      line: line.number,
      start,
      end,
      clause: raw ? { line: line.number, start: cs, end: ce } : span(line, cs, ce),
      parts: line.parts,
      inTitle: line.kind === 'title',
    };
    // Raw patterns read original offsets, which the sentences do not: they are judged by part alone.
    if (!raw && inPlannedSentence(planned, line.number, from)) hit.planned = true;
    hits.push(hit);
  }
  return hits;
}

/** Every pattern's hits in one text; a pattern whose needed literals the text lacks is not run. */
function scanAll(
  joined: Joined,
  presence: Presence,
  patterns: CompiledPattern[],
  hits: Map<string, Hit[]>,
  planned: PlannedSpans,
): void {
  for (const p of patterns)
    if (!p.needs || presence.mayContainAny(p.needs)) hits.set(p.key, findHits(joined, p, planned));
}

function numberAt(line: DocLine, token: NumberToken): NumberAt {
  const text = line.norm.text;
  const [cs, ce] = clauseAround(text, token.start, token.end);
  return {
    value: token.value,
    unit: token.unit,
    raw: token.raw,
    span: span(line, token.start, token.end),
    clause: span(line, cs, ce),
    clauseText: text.slice(cs, ce),
    parts: line.parts,
    inTitle: line.kind === 'title',
  };
}

function findMetrics(line: DocLine, tokens: NumberToken[], metrics: CompiledMetric[]): MetricValue[] {
  const text = line.norm.text;
  const found: MetricValue[] = [];
  let previousEnd = 0;
  tokens.forEach((token, i) => {
    // The words that name a number sit between it and the previous number (or clause start),
    // or right after it up to the next number (or clause end).
    const prefixStart = Math.max(previousEnd, clauseStartForMetric(text, token.start));
    previousEnd = token.end;
    const prefix = text.slice(prefixStart, token.start);
    const suffixEnd = Math.min(tokens[i + 1]?.start ?? text.length, clauseEndForMetric(text, token.end));
    const suffix = text.slice(token.end, suffixEnd);
    for (const m of metrics) {
      if (!m.units.has(token.unit)) continue;
      const named = (m.context?.test(prefix) ?? false) || (m.after?.test(suffix) ?? false);
      if (!named || m.exclude?.test(prefix)) continue;
      const [cs, ce] = clauseAround(text, token.start, token.end);
      const part = line.parts[0] ?? null;
      found.push({
        id: m.def.id,
        value: token.value,
        unit: token.unit,
        approx: token.approx,
        part,
        target: line.parts.includes('next-year'),
        derived: false,
        span: span(line, token.start, token.end),
        clause: span(line, cs, ce),
      });
      break; // one number, one metric: the first definition that claims it
    }
  });
  return found;
}

/**
 * A rate the report gives only as its parts and its whole (执法队伍10人，其中持证2人 → 20%): derived
 * where no rate is stated. The two counts must be of the year, in one paragraph (a count from one
 * passage over a count from another is no rate of anything) and the part no larger than the whole
 * (otherwise they are counted differently, and a rate over 100% would be invented).
 */
function derive(defs: CompiledMetric[], achieved: Map<string, MetricValue>, metrics: MetricValue[]): void {
  for (const { def } of defs) {
    if (!def.derive || achieved.has(def.id)) continue;
    const [numId, denId] = def.derive.ratio;
    const ofYear = (id: string) => metrics.filter((m) => m.id === id && !m.target);
    const nums = ofYear(numId);
    let pair: [MetricValue, MetricValue] | undefined;
    for (const den of ofYear(denId)) {
      if (den.value <= 0) continue;
      const num = nums.find((n) => n.span.line === den.span.line && n.value <= den.value);
      if (num) {
        pair = [num, den];
        break;
      }
    }
    if (!pair) continue;
    const [num, den] = pair;
    achieved.set(def.id, {
      id: def.id,
      value: Math.round((num.value / den.value) * 1000) / 10,
      unit: '%',
      approx: num.approx || den.approx,
      part: num.part,
      target: false,
      derived: true,
      span: num.span,
      clause: num.clause,
      from: [den, num],
    });
  }
}

/**
 * What a plan needs at every report, worked out once per plan: its patterns split by the text they
 * read, and the ids of the facts it fills (looked up by key and scope at every report, they were
 * the largest line of computeFacts' own time).
 */
interface PlanLayout {
  normalised: CompiledPattern[];
  raw: CompiledPattern[];
  /** Per pattern key, the scopes whose hit counts are read, each with its fact's id. */
  hitCounts: Array<{ key: string; scopes: Array<{ scope: string; id: string }> }>;
  parts: Array<{ part: PartId; partFact: string; headingFact: string }>;
  metricFacts: Array<{ metric: string; id: string }>;
}

const layouts = new WeakMap<FactPlan, PlanLayout>();
function layoutOf(plan: FactPlan): PlanLayout {
  let layout = layouts.get(plan);
  if (!layout)
    layouts.set(
      plan,
      (layout = {
        normalised: plan.patterns.filter((p) => !p.raw),
        raw: plan.patterns.filter((p) => p.raw),
        hitCounts: [...plan.scopes].map(([key, scopes]) => ({
          key,
          scopes: [...scopes].map((scope) => ({ scope, id: factId.hits(key, scope) })),
        })),
        parts: PART_IDS.map((part) => ({ part, partFact: factId.part(part), headingFact: factId.heading(part) })),
        metricFacts: plan.metrics.map(({ def }) => ({ metric: def.id, id: factId.metric(def.id) })),
      }),
    );
  return layout;
}

/** Compute every fact the plan asks for, in one pass over the document's text lines. */
export function computeFacts(document: Document, plan: FactPlan): Facts {
  const hits = new Map<string, Hit[]>();
  for (const p of plan.patterns) hits.set(p.key, []);
  const metrics: MetricValue[] = [];
  const numbers: NumberAt[] = [];
  const textLines = document.lines.filter(isTextLine);
  const layout = layoutOf(plan);
  const { normalised, raw } = layout;
  const joined = join(textLines, false);
  // Known before any concept is looked for: the plan context's concepts consult it as well.
  const presence = documentPresence(document, joined.text);
  scanAll(joined, presence, normalised, hits, plannedSpans(document, plan.planContext ?? []));
  // Few patterns read the original text: indexing it as well would cost more than it saves.
  if (raw.length > 0) {
    const joinedRaw = join(textLines, true);
    for (const p of raw) hits.set(p.key, findHits(joinedRaw, p));
  }
  for (const line of textLines) {
    const tokens = findNumbers(line.norm.text);
    for (const token of tokens) numbers.push(numberAt(line, token));
    // A loop, not push(...): one huge line can hold more metrics than the call stack takes arguments.
    if (plan.metrics.length > 0) for (const m of findMetrics(line, tokens, plan.metrics)) metrics.push(m);
  }

  const achieved = new Map<string, MetricValue>();
  for (const m of metrics) if (!m.target && !achieved.has(m.id)) achieved.set(m.id, m);
  derive(plan.metrics, achieved, metrics);

  const values: Record<string, FactValue> = {};
  for (const { part, partFact, headingFact } of layout.parts) {
    values[partFact] = document.sections.some((s) => s.parts.includes(part));
    values[headingFact] = document.parts.some((p) => p.id === part);
  }
  for (const { key, scopes } of layout.hitCounts) {
    const list = hits.get(key) ?? [];
    for (const { scope, id } of scopes) {
      let n = 0;
      for (const h of list) if (inScope(h, scope)) n++;
      values[id] = n;
    }
  }
  for (const { metric, id } of layout.metricFacts) values[id] = achieved.get(metric)?.value ?? null;
  values['meta.year'] = document.meta.year;
  values['meta.title'] = document.meta.title;
  values['meta.body'] = document.meta.body;

  const facts: Facts = { document, values, hits, metrics, numbers, achieved, kept: new Map() };
  for (const [id, compute] of plan.computed) values[id] = compute(facts);
  return facts;
}
