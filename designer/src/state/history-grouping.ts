// Undo history grouping: consecutive edits with the same group key (e.g. typing into one field)
// within a short window become one undo step, because only the first of them is recorded.
export interface HistoryGate {
  /** Call before an edit; undefined means "always its own step". */
  begin(group: string | undefined): void;
  /** Whether the edit begun last should be recorded as a new undo step. */
  shouldRecord(): boolean;
  /** Ends the current group (e.g. on blur), so the next edit starts a new step. */
  cut(): void;
}

export function createHistoryGate(windowMs = 1200, now: () => number = Date.now): HistoryGate {
  let current: string | undefined;
  let lastGroup: string | undefined;
  let lastAt = Number.NEGATIVE_INFINITY;
  return {
    begin(group) {
      current = group;
    },
    shouldRecord() {
      const at = now();
      const same = current !== undefined && current === lastGroup && at - lastAt <= windowMs;
      lastGroup = current;
      lastAt = at;
      current = undefined;
      return !same;
    },
    cut() {
      lastGroup = undefined;
    },
  };
}
