// Runtime: renderer (browser). What the records table shows: rows per scenario or per course, and the
// filters (search, course, status, a date range on completion or last activity). Native controls, so
// every one works from the keyboard and reads well to a screen reader.
import { Button, Group, NativeSelect, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CohortCatalogue, DateField, RowStatus } from '../../core/records/cohort';
import { courseKey } from '../../core/records/cohort';
import type { CohortViewState, RowsPer } from './view-state';

const SCENARIO_STATUSES: RowStatus[] = ['not-started', 'in-progress', 'passed', 'failed'];
const COURSE_STATUSES: RowStatus[] = ['not-started', 'in-progress', 'completed'];

export function statusesFor(rowsPer: RowsPer): RowStatus[] {
  return rowsPer === 'scenario' ? SCENARIO_STATUSES : COURSE_STATUSES;
}

export interface CohortFiltersProps {
  view: CohortViewState;
  catalogue: CohortCatalogue;
  /** Some filter is set: "clear filters" is offered. */
  filtered: boolean;
  onChange: (change: Partial<CohortViewState>) => void;
  onClear: () => void;
}

export function CohortFilters({ view, catalogue, filtered, onChange, onClear }: CohortFiltersProps) {
  const { t } = useTranslation('records');
  const rowsPerId = useId();
  const badRange = view.from !== '' && view.to !== '' && view.from > view.to;
  const statuses = statusesFor(view.rowsPer);

  return (
    <Stack gap="sm">
      <Group gap="sm" align="center" wrap="wrap">
        <Text id={rowsPerId} size="sm" fw={500}>
          {t('view.label')}
        </Text>
        <div role="radiogroup" aria-labelledby={rowsPerId}>
          <SegmentedControl
            value={view.rowsPer}
            onChange={(value) => {
              const rowsPer = value as RowsPer;
              // A status of the other kind of row (passed, completed) has no meaning here: dropped.
              onChange({ rowsPer, status: view.status !== null && statusesFor(rowsPer).includes(view.status) ? view.status : null });
            }}
            data={[
              { value: 'scenario', label: t('view.scenario') },
              { value: 'course', label: t('view.course') },
            ]}
            data-testid="cohort-rows-per"
          />
        </div>
      </Group>
      <Group gap="sm" align="flex-start" wrap="wrap" role="group" aria-label={t('filters.label')} data-testid="cohort-filters">
        <TextInput
          type="search"
          label={t('filters.search')}
          placeholder={t('filters.searchPlaceholder')}
          value={view.search}
          onChange={(event) => onChange({ search: event.currentTarget.value })}
          w={240}
          data-testid="cohort-search"
        />
        <NativeSelect
          label={t('filters.course')}
          value={view.course ?? ''}
          onChange={(event) => onChange({ course: event.currentTarget.value || null })}
          data={[
            { value: '', label: t('filters.anyCourse') },
            ...catalogue.courses.map((entry) => ({ value: courseKey(entry.packId, entry.course.id), label: entry.title })),
          ]}
          disabled={catalogue.courses.length === 0}
          w={220}
          data-testid="cohort-course"
        />
        <NativeSelect
          label={t('filters.status')}
          value={view.status ?? ''}
          onChange={(event) => onChange({ status: (event.currentTarget.value || null) as RowStatus | null })}
          data={[{ value: '', label: t('filters.anyStatus') }, ...statuses.map((status) => ({ value: status, label: t(`status.${status}`) }))]}
          w={170}
          data-testid="cohort-status-filter"
        />
        <NativeSelect
          label={t('filters.dateField')}
          value={view.dateField}
          onChange={(event) => onChange({ dateField: event.currentTarget.value as DateField })}
          data={[
            { value: 'completed', label: t('filters.dateCompleted') },
            { value: 'activity', label: t('filters.dateActivity') },
          ]}
          w={190}
          data-testid="cohort-date-field"
        />
        <TextInput
          type="date"
          label={t('filters.from')}
          value={view.from}
          onChange={(event) => onChange({ from: event.currentTarget.value })}
          w={160}
          data-testid="cohort-from"
        />
        <TextInput
          type="date"
          label={t('filters.to')}
          value={view.to}
          onChange={(event) => onChange({ to: event.currentTarget.value })}
          error={badRange ? t('filters.badRange') : null}
          w={160}
          data-testid="cohort-to"
        />
        <Button variant="default" onClick={onClear} disabled={!filtered} mt={25} data-testid="cohort-clear">
          {t('filters.clear')}
        </Button>
      </Group>
    </Stack>
  );
}
