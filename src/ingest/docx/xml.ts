/** SAX walking of WordprocessingML parts with canonical w:/mc: names, depth-capped. */
import { lazy } from '../../shared/lazy.js';

const htmlparser2 = lazy<typeof import('htmlparser2')>('htmlparser2');

/** Deeper XML than any real document: refused, since htmlparser2's tag stack costs O(depth) per tag. */
const MAX_XML_DEPTH = 256;

export class TooDeep extends Error {}

const NAMESPACES: Record<string, string> = {
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main': 'w',
  'http://purl.oclc.org/ooxml/wordprocessingml/main': 'w',
  'http://schemas.openxmlformats.org/markup-compatibility/2006': 'mc',
};

export type Attr = (local: string) => string | undefined;

/** Where the tag or text being reported is in the XML string: [start, end), in UTF-16 units. */
export interface XmlSpan {
  start: number;
  end: number;
}

export interface XmlHandler {
  /** `path` ends with the element itself; names use the canonical prefixes w: and mc:. */
  open(name: string, attr: Attr, path: readonly string[], at: XmlSpan): void;
  close?(name: string, path: readonly string[], at: XmlSpan): void;
  /** An entity arrives as a text of its own, so `at` covers exactly the raw form of `data`. */
  text?(data: string, path: readonly string[], at: XmlSpan): void;
}

/**
 * SAX walk with element names mapped to canonical w:/mc: prefixes (declarations are
 * taken globally, which is how Word and every other writer use them).
 */
export function walkXml(xml: string, handler: XmlHandler): void {
  const prefixes = new Map<string, string>([
    ['w', 'w'],
    ['mc', 'mc'],
  ]);
  let defaultPrefix = '';
  let wAttr = 'w:';
  const canonical = (name: string): string => {
    const i = name.indexOf(':');
    if (i < 0) return defaultPrefix ? `${defaultPrefix}:${name}` : name;
    const p = prefixes.get(name.slice(0, i));
    return p === undefined ? name : p + name.slice(i);
  };
  const path: string[] = [];
  // One object, updated before each callback: handlers that keep a span copy it.
  const at: XmlSpan = { start: 0, end: 0 };
  const place = (): XmlSpan => {
    at.start = parser.startIndex;
    at.end = parser.endIndex + 1;
    return at;
  };
  const parser = new (htmlparser2().Parser)(
    {
      onopentag(raw, attribs) {
        for (const key in attribs) {
          if (key !== 'xmlns' && !key.startsWith('xmlns:')) continue;
          const ns = NAMESPACES[attribs[key] ?? ''];
          if (key === 'xmlns') defaultPrefix = ns ?? '';
          else prefixes.set(key.slice(6), ns ?? `?${key.slice(6)}`);
          if (ns === 'w' && key !== 'xmlns') wAttr = `${key.slice(6)}:`;
        }
        const name = canonical(raw);
        if (path.push(name) > MAX_XML_DEPTH) throw new TooDeep();
        handler.open(name, (local) => attribs[wAttr + local] ?? attribs[local], path, place());
      },
      onclosetag() {
        const name = path[path.length - 1];
        if (name === undefined) return;
        handler.close?.(name, path, place());
        path.pop();
      },
      ontext(data) {
        handler.text?.(data, path, place());
      },
    },
    { xmlMode: true },
  );
  parser.end(xml);
}

export function toInt(value: string | undefined): number | undefined {
  return value !== undefined && /^\s*-?\d{1,9}\s*$/.test(value) ? Number(value) : undefined;
}

/** On/off properties (w:vanish, w:isLgl …): present means on unless val says otherwise. */
export function isOn(value: string | undefined): boolean {
  return value === undefined || !/^(0|false|off)$/i.test(value);
}
