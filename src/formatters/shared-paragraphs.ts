/**
 * The words every output uses for the paragraphs towns share (a batch result: check on several
 * files, audit): one wording in the terminal, Markdown, HTML, the dashboard and the workbook.
 */
export const SHARED_TITLE = '跨单位雷同段落';

export const sharedHeading = (count: number): string => `${SHARED_TITLE}（${count} 处）`;

/** When no paragraph is shared; `threshold` names the similarity the audit's pages state. */
export const noShared = (threshold?: number): string =>
  `未发现两个及以上单位相同或几乎相同的段落（${threshold === undefined ? '' : `相似度 ≥ ${threshold}，`}已排除公文套话）`;

export const sharedIntro = (count: number): string =>
  `共 ${count} 处段落在两个及以上单位的报告中相同或几乎相同（已排除公文套话）。`;

/** How many reports hold one shared paragraph, and how alike they are at least. */
export const sharedCount = (group: { reports: readonly unknown[]; similarity: number }): string =>
  `${group.reports.length} 份报告（相似度 ≥ ${group.similarity.toFixed(2)}）`;
