/**
 * The package parts a comment needs, as Word checks them: word/comments.xml (new, or the
 * document's own with ours appended), its relationship from document.xml and its content type.
 * Each edit inserts before a closing tag and leaves the rest of the part as it was.
 */
import type { CommentParagraph } from './comments.js';

export const COMMENTS_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml';
export const COMMENTS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';
export const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

const AUTHOR = 'fazhi 合规检查';
const INITIALS = 'FZ';

export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/**
 * Text XML 1.0 can hold: C0 controls (but tab and newlines) become spaces and lone surrogates
 * U+FFFD, one for one, so columns still line up with the checked text.
 */
export function xmlSafe(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- these are the characters XML forbids
      .replace(/[\x00-\x08\x0b\x0c\x0e-\x1f]/g, ' ')
      .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
  );
}

/** The prefix a part binds to the WordprocessingML namespace ('w:' in every Word file). */
export function wordPrefix(xml: string): string {
  const m = new RegExp(`xmlns:([A-Za-z_][\\w.-]*)="${W_NS.replace(/[./]/g, '\\$&')}"`).exec(xml);
  return m ? `${m[1]}:` : 'w:';
}

/** The highest w:id in the parts given: ours start above it, so no id is used twice. */
export function highestId(...parts: string[]): number {
  let max = -1;
  for (const xml of parts) for (const m of xml.matchAll(/:id="(\d{1,9})"/g)) max = Math.max(max, Number(m[1]));
  return max;
}

export function commentXml(id: number, paragraphs: readonly CommentParagraph[], w = 'w:'): string {
  // Formatted directly, not by style: a comment paragraph otherwise takes the document's Normal
  // style, which in an official document is 三号 仿宋 at a fixed line height, too big for a margin.
  const pPr =
    `<${w}pPr><${w}spacing ${w}before="0" ${w}after="60" ${w}line="276" ${w}lineRule="auto"/>` +
    `<${w}ind ${w}firstLine="0" ${w}firstLineChars="0"/><${w}jc ${w}val="left"/></${w}pPr>`;
  const size = `<${w}sz ${w}val="20"/><${w}szCs ${w}val="20"/>`;
  const body = paragraphs
    .map((p, i) => {
      const rPr = `<${w}rPr>${p.bold ? `<${w}b/>` : ''}${size}</${w}rPr>`;
      // Word starts a comment with the annotation mark; LibreOffice tolerates it.
      const mark = i === 0 ? `<${w}r><${w}annotationRef/></${w}r>` : '';
      return `<${w}p>${pPr}${mark}<${w}r>${rPr}<${w}t xml:space="preserve">${escapeXml(xmlSafe(p.text))}</${w}t></${w}r></${w}p>`;
    })
    .join('');
  return `<${w}comment ${w}id="${id}" ${w}author="${escapeXml(AUTHOR)}" ${w}initials="${INITIALS}">${body}</${w}comment>`;
}

export function newCommentsPart(comments: readonly string[]): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<w:comments xmlns:w="${W_NS}">${comments.join('')}</w:comments>`
  );
}

/** The document's own comments part with ours appended before its closing tag. */
export function appendComments(part: string, comments: readonly string[]): string {
  const close = /<\/([A-Za-z_][\w.-]*:)?comments\s*>\s*$/.exec(part);
  if (close) return part.slice(0, close.index) + comments.join('') + part.slice(close.index);
  // An empty root (<w:comments/>) opens up to hold them.
  return part.replace(/<([A-Za-z_][\w.-]*:)?comments\b([^>]*?)\/>/, (_, p = '', attrs) => {
    return `<${p}comments${attrs}>${comments.join('')}</${p}comments>`;
  });
}

/** Target of the comments relationship in document.xml.rels, if the document has one. */
export function commentsTarget(rels: string): string | null {
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const tag = m[0];
    if (attribute(tag, 'Type') === COMMENTS_REL) return attribute(tag, 'Target');
  }
  return null;
}

export function addCommentsRelationship(rels: string): string {
  const ids = new Set([...rels.matchAll(/\bId="([^"]*)"/g)].map((m) => m[1]));
  let n = 1;
  while (ids.has(`rIdFazhi${n}`)) n++;
  const rel = `<Relationship Id="rIdFazhi${n}" Type="${COMMENTS_REL}" Target="comments.xml"/>`;
  return insertBeforeClose(rels, 'Relationships', rel);
}

/** [Content_Types].xml with an override for the comments part, unless it has one. */
export function addCommentsContentType(types: string, partName: string): string {
  for (const m of types.matchAll(/<Override\b[^>]*>/g)) {
    if (attribute(m[0], 'PartName')?.toLowerCase() === partName.toLowerCase()) return types;
  }
  return insertBeforeClose(types, 'Types', `<Override PartName="${partName}" ContentType="${COMMENTS_TYPE}"/>`);
}

function insertBeforeClose(xml: string, root: string, markup: string): string {
  const close = xml.lastIndexOf(`</${root}>`);
  if (close >= 0) return xml.slice(0, close) + markup + xml.slice(close);
  return xml.replace(new RegExp(`<${root}\\b([^>]*?)/>`), `<${root}$1>${markup}</${root}>`);
}

function attribute(tag: string, name: string): string | null {
  const m = new RegExp(`\\b${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(tag);
  return m ? (m[2] ?? m[3] ?? null) : null;
}

/** A relationship target of document.xml (word/_rels) as a part name: "comments.xml" → "word/comments.xml". */
export function resolveTarget(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = ['word'];
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}
