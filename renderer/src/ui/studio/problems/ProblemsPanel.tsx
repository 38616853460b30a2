// Runtime: renderer. The studio's problems panel, docked under the views: every problem of the pack
// being edited as the checker's worker finds it (the loader's, and model answers graded against
// their own task), grouped by file, each with its line, message and how to fix it, in the UI's
// language. Up and Down move between problems, Home and End to the first and last; Enter or a click
// shows the place in the YAML view. With no problem it says the pack is ready.
import { Badge, Group, Loader, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Translate } from '../../../i18n/grading-message';
import { useStudio } from '../studio-context';
import { groupProblems, type ProblemRow } from './group-problems';
import classes from './problems.module.css';

export function ProblemsPanel() {
  const { t, i18n } = useTranslation('studioProblems');
  const { check, checking, reveal, document } = useStudio();
  const listRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);

  const problems = useMemo(
    () => (check ? groupProblems(check.diagnostics, document.texts, i18n.t as unknown as Translate, i18n.language) : null),
    [check, document.texts, i18n.t, i18n.language],
  );
  const rows = useMemo(() => problems?.groups.flatMap((group) => group.rows) ?? [], [problems]);
  const current = Math.min(active, Math.max(0, rows.length - 1));

  const focusRow = (index: number) => {
    const next = Math.max(0, Math.min(rows.length - 1, index));
    setActive(next);
    listRef.current?.querySelector<HTMLElement>(`[data-problem-index="${next}"]`)?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, number> = { ArrowDown: current + 1, ArrowUp: current - 1, Home: 0, End: rows.length - 1 };
    const to = moves[event.key];
    if (to === undefined || !rows.length) return;
    event.preventDefault();
    focusRow(to);
  };
  const open = (row: ProblemRow) => {
    setActive(row.index);
    if (row.place) reveal({ view: 'yaml', ...row.place });
  };

  return (
    <Stack gap={6} className={classes.panel}>
      <Group gap="sm" wrap="nowrap">
        <Title order={2} size="h5">
          {t('title')}
        </Title>
        {problems && (
          <>
            <Badge color={problems.errors ? 'red' : 'gray'} variant="light" c="var(--mantine-color-text)" tt="none" data-testid="problems-errors">
              {t('errors', { count: problems.errors })}
            </Badge>
            <Badge color={problems.warnings ? 'yellow' : 'gray'} variant="light" c="var(--mantine-color-text)" tt="none" data-testid="problems-warnings">
              {t('warnings', { count: problems.warnings })}
            </Badge>
          </>
        )}
        {checking && <Loader size="xs" role="status" aria-label={t('checking')} />}
      </Group>

      {!problems ? (
        <Text size="sm" c="dimmed" role="status">
          {checking ? t('checking') : t('notChecked')}
        </Text>
      ) : !problems.errors ? (
        <Text size="sm" role="status" data-testid="problems-ready" className={classes.ready}>
          {problems.warnings ? t('readyWithWarnings', { count: problems.warnings }) : t('ready')}
        </Text>
      ) : null}

      {problems && rows.length > 0 && (
        <div ref={listRef} onKeyDown={onKeyDown} className={classes.list}>
          <Text id="problems-help" size="xs" c="dimmed" className={classes.help}>
            {t('jumpHelp')}
          </Text>
          {problems.groups.map((group) => {
            const heading = t('fileGroup', { file: group.file === '.' ? t('wholePack') : group.file, count: group.rows.length + group.notListed });
            return (
              <div key={group.file}>
                <Text size="sm" fw={600} className={classes.file} aria-hidden>
                  {heading}
                </Text>
                <div role="list" aria-label={heading} aria-describedby="problems-help">
                  {group.rows.map((row) => (
                    <div role="listitem" key={row.index}>
                      <UnstyledButton
                        className={classes.problem}
                        data-severity={row.diagnostic.severity}
                        data-problem-index={row.index}
                        tabIndex={row.index === current ? 0 : -1}
                        aria-disabled={row.place ? undefined : true}
                        onClick={() => open(row)}
                        onFocus={() => setActive(row.index)}
                        data-testid="problem"
                      >
                        <Group gap="xs" wrap="nowrap" align="baseline">
                          <Badge
                            size="xs"
                            variant="light"
                            color={row.diagnostic.severity === 'error' ? 'red' : 'yellow'}
                            c="var(--mantine-color-text)"
                            className={classes.severity}
                          >
                            {t(row.diagnostic.severity)}
                          </Badge>
                          <Text size="sm" className={classes.message}>
                            {row.message}
                          </Text>
                        </Group>
                        <Text size="xs" c="dimmed" className={classes.where}>
                          {row.diagnostic.line > 0 ? t('position', { line: row.diagnostic.line, column: row.diagnostic.column }) : t('wholeFile')}
                          {row.diagnostic.path ? ` · ${row.diagnostic.path}` : ''}
                          {row.diagnostic.origin === 'model-answer' ? ` · ${t('modelAnswer')}` : ''}
                        </Text>
                        {row.hint && (
                          <Text size="xs" className={classes.hint}>
                            {t('howToFix')} {row.hint}
                          </Text>
                        )}
                      </UnstyledButton>
                    </div>
                  ))}
                </div>
                {group.notListed > 0 && (
                  <Text size="xs" c="dimmed" className={classes.more}>
                    {t('notListed', { count: group.notListed })}
                  </Text>
                )}
              </div>
            );
          })}
          {problems.notListedElsewhere > 0 && (
            <Text size="xs" c="dimmed" className={classes.more}>
              {t('notListed', { count: problems.notListedElsewhere })}
            </Text>
          )}
        </div>
      )}
    </Stack>
  );
}
