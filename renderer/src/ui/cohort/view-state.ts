// Runtime: renderer (browser). What the administrator has chosen on the records screen (rows per
// scenario or course, filters, sort, the attempts open), kept for the session so that coming back from
// a debrief finds the screen as it was left. Never stored: a reload starts afresh.
import type { CohortSort, DateField, RowStatus } from '../../core/records/cohort';

export type RowsPer = 'scenario' | 'course';

export interface CohortViewState {
  rowsPer: RowsPer;
  search: string;
  course: string | null;
  status: RowStatus | null;
  dateField: DateField;
  /** As the date inputs hold them: 'YYYY-MM-DD' or ''. */
  from: string;
  to: string;
  sort: CohortSort;
  /** The row whose attempts are open (its key and kind), if any. */
  open: { rowsPer: RowsPer; key: string } | null;
}

export const INITIAL_VIEW: CohortViewState = Object.freeze<CohortViewState>({
  rowsPer: 'scenario',
  search: '',
  course: null,
  status: null,
  dateField: 'completed',
  from: '',
  to: '',
  sort: { column: 'trainee', direction: 'ascending' },
  open: null,
});

let remembered: CohortViewState = INITIAL_VIEW;

export function rememberedView(): CohortViewState {
  return remembered;
}

export function rememberView(state: CohortViewState): void {
  remembered = state;
}

/** For tests: the next records screen starts as a fresh session's would. */
export function forgetView(): void {
  remembered = INITIAL_VIEW;
}
