// Runtime: renderer. The instructor studio, for the academy's administrator: its code (the editor, the
// forms, the validator's client) is fetched only when this screen first opens. Locked, it asks for the
// passphrase under the screen's title; open, the studio fills the width below the header.
import { Container, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AdminNotConfiguredNotice, RequireAdmin, useAdmin } from '../academy/admin-context';
import { adminOpen } from '../admin-state';
import { Studio } from '../studio/Studio';
import { useStudioTranslations } from '../studio/translations';
import { PlaytestHost } from './StudioPlaytest';

export function StudioScreen() {
  useStudioTranslations();
  const { t } = useTranslation('studio');
  const admin = useAdmin();
  if (adminOpen(admin))
    return (
      <PlaytestHost>
        <Studio notice={admin.configured ? null : <AdminNotConfiguredNotice />} />
      </PlaytestHost>
    );
  return (
    <Container size="md" px={0} data-testid="studio-locked">
      <Stack gap="xl">
        <div>
          <Title order={1} tabIndex={-1} data-page-title>
            {t('title')}
          </Title>
          <Text c="dimmed" mt={6} maw={640}>
            {t('intro')}
          </Text>
        </div>
        <RequireAdmin reason={t('adminReason')}>{null}</RequireAdmin>
      </Stack>
    </Container>
  );
}
