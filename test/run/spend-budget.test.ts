import { describe, expect, it } from 'vitest';
import { createSpendBudget } from '../../src/run/spend-budget.js';

describe('createSpendBudget', () => {
  it('holds papers in flight against the cap until their requests are answered', () => {
    const budget = createSpendBudget(1.0);
    const first = budget.reserve(0.4)!;
    const second = budget.reserve(0.4)!;
    // 0.8 held: a third paper of 0.4 would pass the cap.
    expect(budget.reserve(0.4)).toBeUndefined();
    expect(budget.exhausted).toBe(true);
    first.settle(0.1);
    second.release();
    expect(createSpendBudget(1.0).reserve(1.0)).toBeDefined();
  });

  it('admits a repair only while spend, reservations and the repair fit', () => {
    const budget = createSpendBudget(1.0);
    const paper = budget.reserve(0.3)!;
    paper.settle(0.35);
    expect(paper.extend(0.5)).toBe(true);
    paper.settle(0.5);
    // 0.85 spent: another repair of 0.2 would pass the cap; the paper goes without it, and the run is not over for that.
    expect(paper.extend(0.2)).toBe(false);
    expect(budget.exhausted).toBe(false);
    expect(budget.reserve(0.2)).toBeUndefined();
    expect(budget.exhausted).toBe(true);
  });

  it('keeps what a paper has not spent yet reserved for its next requests, and counts what was spent before', () => {
    const budget = createSpendBudget(1.0, 0.1);
    const paper = budget.reserve(0.6)!;
    paper.settle(0.2);
    // 0.1 before the papers, 0.2 spent, 0.4 still held: another 0.5 does not fit.
    expect(budget.reserve(0.5)).toBeUndefined();
    paper.release();
    expect(budget.reserve(0.5)).toBeDefined();
  });

  it('lets a long paper go on only while its next call still fits, when earlier answers ran over their share', () => {
    const budget = createSpendBudget(1.0);
    // Four calls estimated at 0.2 each; the first two cost 0.5 each.
    const paper = budget.reserve(0.8)!;
    paper.settle(0.5);
    expect(paper.ensure(0.2)).toBe(true);
    paper.settle(0.5);
    // 1.0 spent: the third call's 0.2 does not fit, and the run spends no more.
    expect(paper.ensure(0.2)).toBe(false);
    expect(budget.exhausted).toBe(true);
  });

  it('never refuses without a cap', () => {
    const budget = createSpendBudget(undefined);
    expect(budget.reserve(1_000)!.extend(1_000)).toBe(true);
    expect(budget.exhausted).toBe(false);
  });
});
