// Runtime: renderer. A profile's attempts, newest first: the scenario, its language, when it was
// started and last played, how it went, and a way back into it (resume, or open the debrief).
import { Anchor, Badge, Button, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { hrefFor } from '../router';
import classes from './debrief.module.css';
import { capitalized, formatScore, languageName } from '../format';
import { formattingLocale } from '../../core/locale';

export interface AttemptListItem {
  id: number;
  scenarioTitle: string;
  packTitle: string;
  playLanguage: string;
  status: 'active' | 'finished';
  startedAt: number;
  updatedAt: number;
  passed: boolean | null;
  average: number | null;
}

export interface AttemptListProps {
  items: AttemptListItem[];
  onOpen: (id: number, status: 'active' | 'finished') => void;
}

type Verdict = 'active' | 'passed' | 'failed' | 'finished';

const VERDICT_COLORS: Record<Verdict, string> = { active: 'blue', passed: 'green', failed: 'red', finished: 'gray' };

function verdictOf(item: AttemptListItem): Verdict {
  if (item.status === 'active') return 'active';
  return item.passed === null ? 'finished' : item.passed ? 'passed' : 'failed';
}

export function AttemptList({ items, onOpen }: AttemptListProps) {
  const { t, i18n } = useTranslation('debrief');
  const language = i18n.language;
  if (items.length === 0) {
    return (
      <Stack gap="xs" data-testid="attempt-list-empty">
        <Text>{t('attempts.empty')}</Text>
        <Anchor href={hrefFor('catalogue')}>{t('attempts.emptyAction')}</Anchor>
      </Stack>
    );
  }

  const dates = new Intl.DateTimeFormat(formattingLocale(language), { dateStyle: 'medium', timeStyle: 'short' });
  const sorted = [...items].sort((a, b) => b.startedAt - a.startedAt || b.id - a.id);

  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing="sm" highlightOnHover aria-label={t('attempts.label')} data-testid="attempt-list">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('attempts.columns.scenario')}</Table.Th>
            <Table.Th scope="col">{t('attempts.columns.language')}</Table.Th>
            <Table.Th scope="col">{t('attempts.columns.started')}</Table.Th>
            <Table.Th scope="col">{t('attempts.columns.updated')}</Table.Th>
            <Table.Th scope="col">{t('attempts.columns.status')}</Table.Th>
            <Table.Th scope="col">{t('attempts.columns.action')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((item) => {
            const verdict = verdictOf(item);
            const status = t(`attempts.status.${verdict}`);
            const started = dates.format(item.startedAt);
            return (
              <Table.Tr key={item.id} data-testid="attempt-row" data-attempt-id={item.id} data-status={item.status}>
                <Table.Th scope="row" fw={500}>
                  <Text fw={600} size="sm">
                    {item.scenarioTitle}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {item.packTitle}
                  </Text>
                </Table.Th>
                <Table.Td>{capitalized(languageName(item.playLanguage, language), language)}</Table.Td>
                <Table.Td className={classes.numeric}>
                  <time dateTime={new Date(item.startedAt).toISOString()}>{started}</time>
                </Table.Td>
                <Table.Td className={classes.numeric}>
                  <time dateTime={new Date(item.updatedAt).toISOString()}>{dates.format(item.updatedAt)}</time>
                </Table.Td>
                <Table.Td>
                  <Badge
                    variant="dot"
                    color={VERDICT_COLORS[verdict]}
                    classNames={{ label: classes.badgeLabel }}
                    data-testid="attempt-status"
                    data-verdict={verdict}
                  >
                    {item.average !== null && item.status === 'finished'
                      ? t('attempts.withScore', { status, score: t('score', { score: formatScore(item.average, language) }) })
                      : status}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant={item.status === 'active' ? 'light' : 'default'}
                    onClick={() => onOpen(item.id, item.status)}
                    aria-label={
                      item.status === 'active'
                        ? t('attempts.resumeLabel', { scenario: item.scenarioTitle, date: started })
                        : t('attempts.openLabel', { scenario: item.scenarioTitle, date: started })
                    }
                    data-testid="attempt-open"
                  >
                    {item.status === 'active' ? t('attempts.resume') : t('attempts.open')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
