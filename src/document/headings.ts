import { outlineMarker } from '../text/heading-markers.js';
import type { Heading } from './model.js';

/** Longest heading text kept when the heading runs into its paragraph. */
const MAX_TITLE = 60;

export interface HeadingMatch {
  level: Heading['level'];
  marker: string;
  /** Normalised offsets of the title within the normalised line. */
  titleStart: number;
  titleEnd: number;
}

/**
 * Recognise a heading at the start of a normalised line. The title stops at the
 * first full stop, colon or semicolon: many reports run the heading into the text
 * ("二、加强法治政府建设，推动党政主要负责人履行……。古尔图镇……").
 */
export function matchHeading(normLine: string): HeadingMatch | null {
  const found = outlineMarker(normLine);
  if (!found) return null;
  const { level, marker } = found;
  const rest = normLine.slice(marker.length);
  if (rest.length === 0) return null;
  const stop = rest.search(/[。:;!?]/);
  let titleLen = stop === -1 ? rest.length : stop;
  if (titleLen > MAX_TITLE) titleLen = MAX_TITLE;
  return { level, marker, titleStart: marker.length, titleEnd: marker.length + titleLen };
}
