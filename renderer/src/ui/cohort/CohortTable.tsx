// Runtime: renderer (browser). The records table: one row per trainee and scenario (or course), only
// the rows in view in the page (react-virtuoso), sortable by every column from its heading. Each row
// opens the trainee's attempts: by a click anywhere on it, or from the keyboard with the trainee's
// name, a button; the arrow keys move between rows, scrolling the next one into the page first.
import { Badge, Table, Text, UnstyledButton } from '@mantine/core';
import { useCallback, useMemo, useRef, useState, type ComponentProps, type KeyboardEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContextProp, ItemProps, TableProps, TableVirtuosoHandle } from 'react-virtuoso';
import { TableVirtuoso } from 'react-virtuoso';
import type { CohortRow, CohortSort, RowStatus, SortColumn } from '../../core/records/cohort';
import classes from './cohort.module.css';
import { recordsFormat, type RecordsFormat } from './format';
import type { RowsPer } from './view-state';

export const STATUS_COLORS: Record<RowStatus, string> = {
  'not-started': 'gray',
  'in-progress': 'blue',
  failed: 'red',
  passed: 'green',
  completed: 'green',
};

interface Column {
  column: SortColumn;
  label: string;
  width: string;
  numeric?: boolean;
}

interface TableContext {
  label: string;
  rowCount: number;
  open: (row: CohortRow) => void;
  /** Moves the focus to the row at `index` (clamped), scrolling it into the page first. */
  move: (index: number) => void;
  openLabel: (row: CohortRow) => string;
}

function CohortTableElement({ style, children, context }: TableProps & ContextProp<TableContext>) {
  return (
    <Table
      style={style}
      className={classes.table}
      aria-label={context.label}
      aria-rowcount={context.rowCount + 1}
      data-testid="cohort-table"
      verticalSpacing={6}
    >
      {children}
    </Table>
  );
}

function CohortTableHead({ style, children, ref }: Pick<ComponentProps<'thead'>, 'children' | 'style'> & { ref?: Ref<HTMLTableSectionElement> }) {
  return (
    <Table.Thead ref={ref} style={style} className={classes.head}>
      {children}
    </Table.Thead>
  );
}

function CohortTableRow({ item, context, children, style, ...props }: ItemProps<CohortRow> & ContextProp<TableContext>) {
  return (
    <Table.Tr
      {...props}
      style={style}
      aria-rowindex={props['data-index'] + 2}
      className={classes.row}
      data-testid="cohort-row"
      data-row-key={item.key}
      data-status={item.status}
      onClick={() => context.open(item)}
    >
      {children}
    </Table.Tr>
  );
}

const COMPONENTS = { Table: CohortTableElement, TableHead: CohortTableHead, TableRow: CohortTableRow };

function Cells({ row, index, format, context }: { row: CohortRow; index: number; format: RecordsFormat; context: TableContext }) {
  const { t } = useTranslation('records');
  const none = t('table.none');
  const identity = [row.trainee.academyId, row.trainee.email].filter(Boolean).join(' · ');
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const keys: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10 };
    if (event.key in keys) context.move(index + keys[event.key]!);
    else if (event.key === 'Home' || event.key === 'End') context.move(event.key === 'Home' ? 0 : context.rowCount - 1);
    else return;
    event.preventDefault();
  };
  return (
    <>
      <Table.Td className={classes.cell}>
        <UnstyledButton
          className={classes.openButton}
          data-row-open
          data-testid="cohort-open"
          aria-label={context.openLabel(row)}
          onClick={(event) => {
            event.stopPropagation();
            context.open(row);
          }}
          onKeyDown={onKeyDown}
        >
          {row.trainee.name}
        </UnstyledButton>
        <Text size="xs" c="dimmed" truncate>
          {identity || t('table.noIdentity')}
        </Text>
        {row.trainee.source === 'imported' && row.trainee.importedAt !== null && (
          <Text size="xs" c="dimmed" truncate data-testid="cohort-imported">
            {t('table.imported', { date: format.date(row.trainee.importedAt) })}
          </Text>
        )}
      </Table.Td>
      <Table.Td className={classes.cell}>
        <Text size="sm" lineClamp={2} c={row.courseTitle ? undefined : 'dimmed'}>
          {row.courseTitle || t('table.noCourse')}
        </Text>
      </Table.Td>
      <Table.Td className={classes.cell}>
        <Text size="sm" lineClamp={2}>
          {row.kind === 'scenario'
            ? row.scenarioTitle
            : t('table.passedOf', { passed: format.count(row.passedScenarios), total: format.count(row.totalScenarios) })}
        </Text>
      </Table.Td>
      <Table.Td>
        {/* The colour tints the badge; its words keep the text's colour, as green or red text would not read (4.5:1). */}
        <Badge variant="light" color={STATUS_COLORS[row.status]} c="var(--mantine-color-text)" size="sm" tt="none" maw="100%" data-testid="cohort-status">
          {t(`status.${row.status}`)}
        </Badge>
      </Table.Td>
      <Table.Td className={classes.numeric}>{row.bestScore === null ? none : format.score(row.bestScore)}</Table.Td>
      <Table.Td className={classes.numeric}>{format.count(row.attempts)}</Table.Td>
      <Table.Td className={classes.numeric}>{row.completedAt === null ? none : format.date(row.completedAt)}</Table.Td>
      {/* Time on task is counted over finished attempts: none finished (no score yet), nothing to count. */}
      <Table.Td className={classes.numeric}>{row.bestScore === null ? none : format.duration(row.timeOnTaskMs)}</Table.Td>
    </>
  );
}

const TABLE_HEIGHT = 'clamp(320px, 62vh, 880px)';
/** Room for the header row (up to two lines) above the rows' own height. */
const HEADER_ALLOWANCE_PX = 60;

export interface CohortTableProps {
  /** Filtered and sorted already. */
  rows: readonly CohortRow[];
  rowsPer: RowsPer;
  sort: CohortSort;
  onSort: (column: SortColumn) => void;
  onOpen: (row: CohortRow) => void;
}

export function CohortTable({ rows, rowsPer, sort, onSort, onOpen }: CohortTableProps) {
  const { t, i18n } = useTranslation('records');
  const format = recordsFormat(i18n.language);
  const virtuoso = useRef<TableVirtuosoHandle>(null);
  const scroller = useRef<HTMLElement | null>(null);
  // A short list takes only the height it needs; a long one scrolls inside at most TABLE_HEIGHT.
  const [listHeight, setListHeight] = useState<number | null>(null);

  const columns: Column[] = useMemo(
    () => [
      { column: 'trainee', label: t('columns.trainee'), width: '18%' },
      { column: 'course', label: t('columns.course'), width: '13%' },
      { column: 'scenario', label: rowsPer === 'scenario' ? t('columns.scenario') : t('columns.scenariosPassed'), width: '16%' },
      { column: 'status', label: t('columns.status'), width: '12%' },
      { column: 'bestScore', label: rowsPer === 'scenario' ? t('columns.bestScore') : t('columns.averageScore'), width: '9%', numeric: true },
      { column: 'attempts', label: t('columns.attempts'), width: '9%', numeric: true },
      { column: 'completedAt', label: t('columns.completedAt'), width: '12%', numeric: true },
      { column: 'timeOnTask', label: t('columns.timeOnTask'), width: '11%', numeric: true },
    ],
    [t, rowsPer],
  );

  const move = useCallback(
    (target: number) => {
      const index = Math.max(0, Math.min(rows.length - 1, target));
      const focus = (tries: number) => {
        const button = scroller.current?.querySelector<HTMLElement>(`tr[data-index="${index}"] [data-row-open]`);
        if (button) button.focus();
        else if (tries > 0) requestAnimationFrame(() => focus(tries - 1));
      };
      virtuoso.current?.scrollIntoView({ index, done: () => focus(10) });
    },
    [rows.length],
  );

  const context: TableContext = useMemo(
    () => ({
      label: rowsPer === 'scenario' ? t('table.scenarioLabel') : t('table.courseLabel'),
      rowCount: rows.length,
      open: onOpen,
      move,
      openLabel: (row) => t('table.open', { name: row.trainee.name, what: row.kind === 'scenario' ? row.scenarioTitle : row.courseTitle }),
    }),
    [t, rowsPer, rows.length, onOpen, move],
  );

  return (
    <TableVirtuoso<CohortRow, TableContext>
      ref={virtuoso}
      scrollerRef={(element) => {
        scroller.current = element instanceof HTMLElement ? element : null;
      }}
      className={classes.scroller}
      // Inline, as react-virtuoso sets its own height inline: the table scrolls inside this height.
      style={{ height: listHeight === null ? TABLE_HEIGHT : `min(${TABLE_HEIGHT}, ${Math.ceil(listHeight) + HEADER_ALLOWANCE_PX}px)` }}
      totalListHeightChanged={setListHeight}
      data={rows as CohortRow[]}
      context={context}
      components={COMPONENTS}
      computeItemKey={(_, row) => row.key}
      increaseViewportBy={200}
      fixedHeaderContent={() => (
        <Table.Tr>
          {columns.map(({ column, label, width, numeric }) => {
            const active = sort.column === column;
            return (
              <Table.Th key={column} scope="col" style={{ width, textAlign: numeric ? 'end' : undefined }} aria-sort={active ? sort.direction : undefined}>
                <UnstyledButton className={classes.sortButton} onClick={() => onSort(column)} data-testid={`cohort-sort-${column}`}>
                  <span>{label}</span>
                  <span className={classes.sortMark} aria-hidden="true">
                    {active ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
                  </span>
                </UnstyledButton>
              </Table.Th>
            );
          })}
        </Table.Tr>
      )}
      itemContent={(index, row, tableContext) => <Cells row={row} index={index} format={format} context={tableContext} />}
    />
  );
}
