// Runtime: renderer (browser). The records screen's body: the course completion summary, the filters,
// the count of rows shown and the table, and a trainee's attempts when a row is opened. Rows are built
// once per change of the records or packs, sorted once per sort, and filtered (a linear pass over the
// sorted rows) as the administrator types, behind React's deferred value so typing never waits for it.
import { Alert, Button, Stack, Text } from '@mantine/core';
import { useCallback, useDeferredValue, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CohortCatalogue, CohortFilter, CohortRow, CourseRow, SortColumn } from '../../core/records/cohort';
import { buildCohort, completionSummary, filterRows, isFiltered, sortRows } from '../../core/records/cohort';
import type { CohortData } from '../../records/cohort';
import { hrefFor } from '../router';
import { AttemptsDialog } from './AttemptsDialog';
import { CohortFilters } from './CohortFilters';
import { CohortTable } from './CohortTable';
import { CompletionSummary } from './CompletionSummary';
import { endOfDay, recordsFormat, startOfDay } from './format';
import { INITIAL_VIEW, rememberedView, rememberView, type CohortViewState } from './view-state';

export interface CohortViewProps {
  data: CohortData;
  catalogue: CohortCatalogue;
  /** What the screen offers in an opened course row's attempts (e.g. issuing a badge for a completed course). */
  courseActions?: (row: CourseRow) => ReactNode;
}

function filterOf(view: CohortViewState): CohortFilter {
  return { search: view.search, course: view.course, status: view.status, dateField: view.dateField, from: startOfDay(view.from), to: endOfDay(view.to) };
}

export function CohortView({ data, catalogue, courseActions }: CohortViewProps) {
  const { t, i18n } = useTranslation('records');
  const format = recordsFormat(i18n.language);
  const [view, setView] = useState<CohortViewState>(rememberedView);
  useEffect(() => rememberView(view), [view]);
  const change = useCallback((next: Partial<CohortViewState>) => setView((current) => ({ ...current, ...next })), []);

  const cohort = useMemo(() => buildCohort({ ...data, catalogue }), [data, catalogue]);
  const collator = useMemo(() => new Intl.Collator(i18n.language, { sensitivity: 'base', numeric: true }), [i18n.language]);
  const allRows: readonly CohortRow[] = view.rowsPer === 'scenario' ? cohort.scenarioRows : cohort.courseRows;
  const sorted = useMemo(() => sortRows(allRows, view.sort, collator), [allRows, view.sort, collator]);
  const filter = useMemo(() => filterOf(view), [view]);
  const deferredFilter = useDeferredValue(filter);
  const shown = useMemo(() => filterRows(sorted, deferredFilter), [sorted, deferredFilter]);
  const summary = useMemo(() => completionSummary(cohort.courseRows, catalogue), [cohort.courseRows, catalogue]);
  const openRow = useMemo(
    () =>
      view.open === null
        ? null
        : ((view.open.rowsPer === 'scenario' ? cohort.scenarioRows : cohort.courseRows).find((row) => row.key === view.open?.key) ?? null),
    [view.open, cohort],
  );

  const onSort = useCallback(
    (column: SortColumn) =>
      setView((current) => ({
        ...current,
        sort: { column, direction: current.sort.column === column && current.sort.direction === 'ascending' ? 'descending' : 'ascending' },
      })),
    [],
  );
  const onOpen = useCallback((row: CohortRow) => change({ open: { rowsPer: row.kind, key: row.key } }), [change]);
  const clearFilters = useCallback(
    () => change({ search: INITIAL_VIEW.search, course: null, status: null, dateField: INITIAL_VIEW.dateField, from: '', to: '' }),
    [change],
  );
  const filtered = isFiltered(filter);

  if (catalogue.scenarios.length === 0)
    return (
      <Alert color="blue" title={t('empty.noPacksTitle')} data-testid="cohort-no-packs">
        <Text size="sm">{t('empty.noPacks')}</Text>
        <Button component="a" href={hrefFor('catalogue')} mt="sm" size="xs" variant="light">
          {t('empty.toCatalogue')}
        </Button>
      </Alert>
    );
  if (cohort.trainees.length === 0)
    return (
      <Alert color="blue" title={t('empty.noTraineesTitle')} data-testid="cohort-no-trainees">
        <Text size="sm">{t('empty.noTrainees')}</Text>
      </Alert>
    );

  return (
    <Stack gap="lg" data-testid="cohort-view">
      <CompletionSummary summary={summary} trainees={cohort.trainees.length} />
      <CohortFilters view={view} catalogue={catalogue} filtered={filtered} onChange={change} onClear={clearFilters} />
      <Stack gap={6}>
        <Text size="sm" fw={500} role="status" aria-live="polite" data-testid="cohort-count" data-shown={shown.length} data-total={allRows.length}>
          {t('table.count', { count: allRows.length, shown: format.count(shown.length), total: format.count(allRows.length) })}
        </Text>
        <Text size="xs" c="dimmed">
          {t('table.keyboardHint')}
        </Text>
      </Stack>
      {allRows.length === 0 ? (
        <Text data-testid="cohort-no-courses">{t('summary.noCourses')}</Text>
      ) : shown.length === 0 ? (
        <Alert color="gray" title={t('empty.noMatchesTitle')} data-testid="cohort-no-matches">
          <Text size="sm">{t('empty.noMatches', { total: format.count(allRows.length) })}</Text>
          <Button mt="sm" size="xs" variant="default" onClick={clearFilters} data-testid="cohort-no-matches-clear">
            {t('filters.clear')}
          </Button>
        </Alert>
      ) : (
        <CohortTable rows={shown} rowsPer={view.rowsPer} sort={view.sort} onSort={onSort} onOpen={onOpen} />
      )}
      {cohort.unplacedOutcomes > 0 && (
        <Text size="sm" c="dimmed" data-testid="cohort-unplaced">
          {t('unplaced', { count: cohort.unplacedOutcomes })}
        </Text>
      )}
      <AttemptsDialog cohort={cohort} catalogue={catalogue} row={openRow} onClose={() => change({ open: null })} courseActions={courseActions} />
    </Stack>
  );
}
