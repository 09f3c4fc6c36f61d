import type { CheckConfig } from '../../packs/model.js';
import { absentCheck } from './absent.js';
import { combinedCheck } from './combined.js';
import { deadlineCheck } from './deadline.js';
import { duplicatesCheck } from './duplicates.js';
import { mentionCheck } from './mention.js';
import { metricCheck } from './metric.js';
import { partCheck } from './part.js';
import { percentCheck } from './percent.js';
import { ratioCheck } from './ratio.js';
import { yearCheck } from './year.js';
import type { CheckType } from './types.js';

/** The closed set of check types. Packs pick one per rule; code never names a rule. */
export const CHECK_TYPES: Record<CheckConfig['type'], CheckType> = {
  part: partCheck as CheckType,
  mention: mentionCheck as CheckType,
  absent: absentCheck as CheckType,
  metric: metricCheck as CheckType,
  year: yearCheck as CheckType,
  percent: percentCheck as CheckType,
  ratio: ratioCheck as CheckType,
  duplicates: duplicatesCheck as CheckType,
  deadline: deadlineCheck as CheckType,
  all: combinedCheck as CheckType,
  any: combinedCheck as CheckType,
};
