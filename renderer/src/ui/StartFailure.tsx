// Runtime: renderer. Shown instead of the app when it cannot start at all (for example, a missing bridge).
import '@mantine/core/styles.css';
import { Alert, Center, Code, MantineProvider, Stack, Text } from '@mantine/core';
import type { i18n } from 'i18next';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { AlertIcon } from './icons';
import { theme } from './theme';

function StartFailureMessage({ detail }: { detail: string }) {
  const { t } = useTranslation('common');
  return (
    <Center mih="100dvh" p="lg">
      <Alert data-testid="start-failure" role="alert" color="red" radius="lg" maw={560} icon={<AlertIcon />} title={t('startFailed.title')}>
        <Stack gap="sm">
          <Text size="sm">{t('startFailed.body')}</Text>
          <Code block>{detail}</Code>
        </Stack>
      </Alert>
    </Center>
  );
}

export function StartFailure({ i18n, detail }: { i18n: i18n; detail: string }) {
  return (
    <MantineProvider theme={theme} defaultColorScheme="auto">
      <I18nextProvider i18n={i18n}>
        <StartFailureMessage detail={detail} />
      </I18nextProvider>
    </MantineProvider>
  );
}
