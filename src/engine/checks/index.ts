import type { CheckConfig } from '../../packs/model.js';
import { mentionCheck } from './mention.js';
import { metricCheck } from './metric.js';
import { partCheck } from './part.js';
import type { CheckType } from './types.js';

/** The closed set of check types. Packs pick one per rule; code never names a rule. */
export const CHECK_TYPES: Record<CheckConfig['type'], CheckType> = {
  part: partCheck as CheckType,
  mention: mentionCheck as CheckType,
  metric: metricCheck as CheckType,
};
