/** Spend with four decimals, since one paper often costs a fraction of a cent: `$0.0123`. */
export function formatUsd(amount: number): string {
  return `$${amount.toFixed(4)}`;
}
