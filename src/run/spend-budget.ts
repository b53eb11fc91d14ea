/**
 * `--max-cost`, kept exactly: spend is counted per answered request, and every request not yet answered holds a
 * reservation of its estimate, so papers in flight (and their repairs) cannot together pass the cap.
 */
export interface SpendBudget {
  /** True once a request was refused for the budget: no new paper should start. */
  readonly exhausted: boolean;
  /** Reserves `estimateUsd` for a paper's next request; false (and exhausted) when the cap cannot hold it. */
  reserve(estimateUsd: number): Reservation | undefined;
}

/** What one paper holds of the budget: its requests' estimates until they are answered. */
export interface Reservation {
  /** Another request of the same paper (a repair, the grounding round; 0 for one already reserved); false when the cap cannot hold it. */
  extend(estimateUsd: number): boolean;
  /** The next request, already in the estimate, is held at least `estimateUsd`; false (and exhausted) when the cap cannot hold the shortfall. */
  ensure(estimateUsd: number): boolean;
  /** A request was answered at this cost: as much of the reservation is released, the rest stays for the paper's next requests. */
  settle(costUsd: number): void;
  /** The paper is done: whatever it still holds is released. */
  release(): void;
}

export function createSpendBudget(maxCostUsd: number | undefined, alreadySpentUsd = 0): SpendBudget {
  // What the run spent before its papers (the ranking's embeddings) counts against the same cap.
  let spentUsd = alreadySpentUsd;
  let reservedUsd = 0;
  let exhausted = false;
  const fits = (usd: number) => maxCostUsd === undefined || spentUsd + reservedUsd + usd <= maxCostUsd;
  return {
    get exhausted() {
      return exhausted;
    },
    reserve(estimateUsd) {
      // A refused paper ends the run's spending; a refused repair only ends that paper's.
      if (!fits(estimateUsd)) {
        exhausted = true;
        return undefined;
      }
      let heldUsd = estimateUsd;
      reservedUsd += heldUsd;
      return {
        extend(more) {
          if (!fits(more)) return false;
          heldUsd += more;
          reservedUsd += more;
          return true;
        },
        ensure(estimateUsd) {
          const shortfall = Math.max(0, estimateUsd - heldUsd);
          // Earlier answers ran over their share: the paper cannot go on within the cap, nor can the run.
          if (!fits(shortfall)) {
            exhausted = true;
            return false;
          }
          heldUsd += shortfall;
          reservedUsd += shortfall;
          return true;
        },
        settle(costUsd) {
          const released = Math.min(heldUsd, costUsd);
          heldUsd -= released;
          reservedUsd -= released;
          spentUsd += costUsd;
        },
        release() {
          reservedUsd -= heldUsd;
          heldUsd = 0;
        },
      };
    },
  };
}
