// Runtime: renderer. How the simulated audience took each publication: reach, likes, shares and
// replies at the end of the scenario, and the mix of moods in the replies.
import { Card, Group, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { TitleOrder } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TimelineState } from '../../core/engine/timeline';
import type { Scenario } from '../../core/pack/schema';
import { REACTION_MOODS } from '../../core/pack/schema';
import { localized } from '../../library/library';
import { formatSimTime } from '../sim-time';
import classes from './debrief.module.css';
import type { Reception } from './debrief-data';
import { receptionOf } from './debrief-data';
import { MOOD_COLORS } from './palette';
import { below, Section } from './Section';
import { usePlatformName } from '../platform-name';
import { formattingLocale } from '../../core/locale';

export function AudienceReception({
  scenario,
  timeline,
  playLanguage,
  level,
}: {
  scenario: Scenario;
  timeline: TimelineState;
  playLanguage: string;
  level: TitleOrder;
}) {
  const { t } = useTranslation('debrief');
  const receptions = receptionOf(timeline);
  return (
    <Section title={t('audience.heading')} level={level} testId="debrief-audience">
      {receptions.length === 0 ? (
        <Text>{t('audience.empty')}</Text>
      ) : (
        <>
          <Text size="sm" c="dimmed">
            {t('audience.intro')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            {receptions.map((reception) => (
              <PublicationReception key={reception.publication.id} reception={reception} scenario={scenario} playLanguage={playLanguage} level={below(level)} />
            ))}
          </SimpleGrid>
        </>
      )}
    </Section>
  );
}

function PublicationReception({
  reception,
  scenario,
  playLanguage,
  level,
}: {
  reception: Reception;
  scenario: Scenario;
  playLanguage: string;
  level: TitleOrder;
}) {
  const { t, i18n } = useTranslation('debrief');
  const platformName = usePlatformName();
  const number = new Intl.NumberFormat(formattingLocale(i18n.language));
  const { publication, totals, moods, delivered } = reception;
  const account = scenario.accounts.find((candidate) => candidate.id === publication.accountId);
  const accountLabel = account
    ? t('account', { name: localized(account.name, playLanguage), platform: platformName(account.platform) })
    : publication.accountId;
  const task = publication.taskId ? scenario.tasks.find((candidate) => candidate.id === publication.taskId) : undefined;
  const replied = REACTION_MOODS.filter((mood) => moods[mood] > 0);
  const totalReplies = replied.reduce((sum, mood) => sum + moods[mood], 0);
  const stats: Array<[string, number]> = delivered
    ? [
        [t('audience.recipients'), totals.reach],
        [t('audience.replies'), totals.replies],
      ]
    : [
        [t('audience.reach'), totals.reach],
        [t('audience.likes'), totals.likes],
        [t('audience.shares'), totals.shares],
        [t('audience.replies'), totals.replies],
      ];

  return (
    <Card padding="md" data-testid="debrief-reception" data-publication-id={publication.id}>
      <Stack gap="sm">
        <div>
          <Title order={level} size="h5">
            {t('audience.item', { account: accountLabel, time: formatSimTime(publication.at) })}
          </Title>
          {task && (
            <Text size="sm" c="dimmed">
              {localized(task.title, playLanguage)}
            </Text>
          )}
        </div>
        <dl className={classes.stats}>
          {stats.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{number.format(value)}</dd>
            </div>
          ))}
        </dl>
        <Stack gap={6}>
          <Text size="sm" fw={600}>
            {t('audience.moods')}
          </Text>
          {totalReplies === 0 ? (
            <Text size="sm" c="dimmed">
              {t('audience.noReplies')}
            </Text>
          ) : (
            <>
              <Progress.Root size="md" aria-hidden="true">
                {replied.map((mood) => (
                  <Progress.Section key={mood} value={(moods[mood] / totalReplies) * 100} color={MOOD_COLORS[mood]} />
                ))}
              </Progress.Root>
              <Group gap="md" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="debrief-moods">
                {replied.map((mood) => (
                  <Text key={mood} component="li" size="sm" data-mood={mood}>
                    <span className={classes.swatch} style={{ background: `var(--mantine-color-${MOOD_COLORS[mood]}-6)` }} aria-hidden="true" />
                    {t('audience.moodCount', { mood: t(`audience.mood.${mood}`), count: moods[mood] })}
                  </Text>
                ))}
              </Group>
            </>
          )}
        </Stack>
      </Stack>
    </Card>
  );
}
