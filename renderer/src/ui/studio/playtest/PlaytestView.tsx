// Runtime: renderer. The play-test view: which scenario of the pack being edited to play, in which of
// its languages, from the start or from an inject's time. The pack plays as the latest check loaded
// it, warnings and all; with errors it cannot load, so the view says which and where, and the
// problems panel lists them all.
import { Alert, Anchor, Button, Container, List, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { offsetMinutes } from '../../../core/pack/schema';
import { scenarioLanguages } from '../../../core/pack/summary';
import { localized } from '../../../library/library';
import type { Translate } from '../../../i18n/grading-message';
import { renderDiagnostic } from '../../../i18n/pack-diagnostic-message';
import { capitalized, languageName } from '../../format';
import { formatSimTime } from '../../sim-time';
import { useStudio } from '../studio-context';
import { injectLabel } from './inject-label';
import { usePlaytestLauncher } from './launcher';

const SHOWN_ERRORS = 5;
const FROM_START = '';

export function PlaytestView() {
  const { t, i18n } = useTranslation('studioPublish');
  const studio = useStudio();
  const launch = usePlaytestLauncher();
  const { check, checking } = studio;
  const pack = check?.pack ?? null;
  const [chosenScenario, setScenario] = useState<string | null>(null);
  const [chosenLanguage, setLanguage] = useState<string | null>(null);
  const [chosenStart, setStart] = useState(FROM_START);

  const scenario = pack ? (pack.scenarios.find((candidate) => candidate.id === chosenScenario) ?? pack.scenarios[0] ?? null) : null;
  const languages = pack && scenario ? scenarioLanguages(pack, scenario) : [];
  const language = chosenLanguage && languages.includes(chosenLanguage) ? chosenLanguage : (languages[0] ?? null);
  const injects = scenario ? [...scenario.timeline].sort((a, b) => offsetMinutes(a.at) - offsetMinutes(b.at)) : [];
  const startInject = injects.find((inject) => inject.id === chosenStart) ?? null;
  const errors = check && !pack ? check.diagnostics.filter((diagnostic) => diagnostic.severity === 'error') : [];
  const warnings = check ? check.diagnostics.filter((diagnostic) => diagnostic.severity === 'warning').length : 0;

  const start = () => {
    if (!launch || !pack || !scenario || !language) return;
    launch({ pack, scenarioId: scenario.id, language, startAt: startInject ? offsetMinutes(startInject.at) : 0 });
  };

  return (
    <Container size="sm" px={0} py="md" data-testid="playtest-view">
      <Stack gap="md">
        <div>
          <Title order={2}>{t('playtest.title')}</Title>
          <Text c="dimmed" mt={4}>
            {t('playtest.intro')}
          </Text>
        </div>

        {!check && (
          <Text size="sm" c="dimmed" role="status">
            {t('playtest.checking')}
          </Text>
        )}

        {errors.length > 0 && (
          <Alert color="red" title={t('playtest.errorsTitle')} data-testid="playtest-errors">
            <Stack gap="xs">
              <Text size="sm">{t('playtest.errorsBody', { count: errors.length })}</Text>
              <List size="sm" spacing={2}>
                {errors.slice(0, SHOWN_ERRORS).map((error, index) => (
                  <List.Item key={`${error.file}:${error.line}:${index}`}>
                    <Anchor
                      component="button"
                      type="button"
                      size="sm"
                      onClick={() => studio.reveal({ view: 'yaml', file: error.file, line: Math.max(1, error.line), column: error.column })}
                      aria-label={t('playtest.showError', { file: error.file, line: error.line })}
                    >
                      {t('playtest.errorAt', { file: error.file, line: error.line })}
                    </Anchor>
                    {': '}
                    {renderDiagnostic(i18n.t as unknown as Translate, i18n.language, error).message}
                  </List.Item>
                ))}
              </List>
            </Stack>
          </Alert>
        )}

        {pack && !scenario && <Text size="sm">{t('playtest.noScenarios')}</Text>}

        {pack && scenario && language && (
          <Stack gap="sm">
            {warnings > 0 && (
              <Text size="sm" c="dimmed" data-testid="playtest-warnings">
                {t('playtest.warnings', { count: warnings })}
              </Text>
            )}
            <NativeSelect
              label={t('playtest.scenario')}
              value={scenario.id}
              onChange={(event) => {
                setScenario(event.currentTarget.value);
                setStart(FROM_START);
              }}
              data={pack.scenarios.map((candidate) => ({ value: candidate.id, label: `${localized(candidate.title, i18n.language)} (${candidate.id})` }))}
            />
            <NativeSelect
              label={t('playtest.language')}
              value={language}
              onChange={(event) => setLanguage(event.currentTarget.value)}
              data={languages.map((code) => ({ value: code, label: capitalized(languageName(code, i18n.language), i18n.language) }))}
            />
            <NativeSelect
              label={t('playtest.startAt')}
              description={t('playtest.startAtHint')}
              value={startInject ? startInject.id : FROM_START}
              onChange={(event) => setStart(event.currentTarget.value)}
              data={[
                { value: FROM_START, label: t('playtest.fromStart') },
                ...injects.map((inject) => ({
                  value: inject.id,
                  label: t('playtest.fromInject', { time: formatSimTime(offsetMinutes(inject.at)), inject: injectLabel(inject, language) }),
                })),
              ]}
            />
            <div>
              <Button onClick={start} disabled={!launch || checking} data-testid="playtest-start">
                {t('playtest.start')}
              </Button>
            </div>
            {!launch && (
              <Text size="sm" c="dimmed">
                {t('playtest.unavailable')}
              </Text>
            )}
          </Stack>
        )}
      </Stack>
    </Container>
  );
}
