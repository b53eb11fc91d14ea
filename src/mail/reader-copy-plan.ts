/** One paper of a reader's own order: why it was picked for them, and whether it is from outside their usual topics. */
export interface ReaderCopyPick {
  paperId: string;
  reason: string;
  explore: boolean;
}

/** A reader's copy of the day: their own picks first, in their order, then the explore picks; the edition's other papers are listed under "Also today". */
export interface ReaderCopyPlan {
  picks: readonly ReaderCopyPick[];
}
