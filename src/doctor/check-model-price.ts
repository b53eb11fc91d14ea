import type { Config } from '../config/config-schema.js';
import { ENV_NAMES } from '../config/config-schema.js';
import { findModelPrice } from '../llm/model-prices.js';
import type { CheckResult } from './check-result.js';

/** A model without a price still works, but the run report cannot say what it cost. */
export function checkModelPrice(config: Pick<Config, 'model' | 'prices'>): CheckResult {
  const base = { id: 'model-price', title: 'model price' };
  const price = findModelPrice(config.model, config.prices);
  if (price) {
    return { ...base, status: 'ok', message: `${config.model} costs $${price.input} in / $${price.output} out per million tokens` };
  }
  const example = JSON.stringify({ [config.model]: { input: 0.25, output: 2 } });
  return {
    ...base,
    status: 'warning',
    message: `no price known for ${config.model}: costs will be recorded as null`,
    fix: `set ${ENV_NAMES.prices} (USD per million tokens), e.g. ${ENV_NAMES.prices}='${example}'`,
  };
}
