/** The Chinese words the page shows for the result's codes. */
import type { Finding } from '../../engine/model.js';
import { PART_TITLES, type PartId } from '../../document/model.js';

export const SEVERITY_ORDER: ReadonlyArray<Finding['severity']> = ['error', 'warning', 'info'];

export const SEVERITY_TITLES: Record<Finding['severity'], string> = {
  error: '错误（必须修改）',
  warning: '警告（建议修改）',
  info: '提示（可参考）',
};

export const SEVERITY_SHORT: Record<Finding['severity'], string> = { error: '错误', warning: '警告', info: '提示' };

export const BASIS_TITLES: Record<Finding['basis'], string> = {
  official: '法定要求',
  practice: '常见做法',
};

export function partTitle(part: PartId): string {
  return PART_TITLES[part];
}
