// Runtime: renderer. What "Test connection" found, said plainly, with the LRS's own reply beneath when
// it gave one.
import { Alert, Code, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TestVerdict } from './test-result';

const TONE_COLOURS = { success: 'teal', warning: 'orange', error: 'red' } as const;

export function TestVerdictView({ verdict }: { verdict: TestVerdict }) {
  const { t } = useTranslation('lrs');
  const versions = verdict.versions.join(', ');
  // A refusal at `about` comes before the versions are known: the sentence then leaves them out.
  const key = verdict.kind === 'credentials' && verdict.versions.length === 0 ? 'credentialsAbout' : verdict.kind;
  return (
    <Alert color={TONE_COLOURS[verdict.tone]} variant="light" data-testid="lrs-test-result" data-verdict={verdict.kind} maw={680}>
      <Stack gap={6}>
        <Text size="sm" c="var(--mantine-color-text)">
          {t(`test.${key}`, { versions, status: verdict.status ?? '', url: verdict.url ?? '' })}
        </Text>
        {verdict.detail && (
          <div>
            <Text size="xs" fw={500} c="var(--mantine-color-text)">
              {t('test.reply')}
            </Text>
            <Code block data-testid="lrs-test-reply" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', maxHeight: 160, overflow: 'auto' }}>
              {verdict.detail}
            </Code>
          </div>
        )}
      </Stack>
    </Alert>
  );
}
