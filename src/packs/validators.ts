import type { Validator } from './model.js';

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** 18-digit resident identity number (GB 11643) with a valid birth date and check digit. */
export function isResidentId(text: string): boolean {
  const s = text.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(s)) return false;
  const year = Number(s.slice(6, 10));
  const month = Number(s.slice(10, 12));
  const day = Number(s.slice(12, 14));
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1 || day > 31) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(s[i]) * (ID_WEIGHTS[i] as number);
  return ID_CHECK[sum % 11] === s[17];
}

/** Mainland mobile number: 11 digits starting 13–19. */
export function isMobile(text: string): boolean {
  return /^1[3-9]\d{9}$/.test(text);
}

/** The closed set of validators a pack term may name. */
export const VALIDATORS: Record<Validator, (text: string) => boolean> = {
  'resident-id': isResidentId,
  mobile: isMobile,
};
