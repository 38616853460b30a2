// Runtime: renderer. About Attaché: what it is, which version, and where it runs.
import { Badge, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { engineSummary, osName } from '../format';
import { LogoMark } from '../LogoMark';
import { useServices } from '../services';

export function AboutDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation(['about', 'common']);
  const { appInfo } = useServices();
  const engine = engineSummary(appInfo.versions);

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      centered
      radius="lg"
      size="md"
      title={t('title')}
      closeButtonProps={{ 'aria-label': t('close') }}
      attributes={{ content: { 'data-testid': 'about-dialog' } }}
      styles={{ title: { fontWeight: 650, fontSize: 'var(--mantine-font-size-lg)' } }}
    >
      <Stack gap="lg">
        <Group gap="md" wrap="nowrap">
          <LogoMark size={64} />
          <Stack gap={4}>
            <Text fw={700} size="xl">
              {t('common:productName')}
            </Text>
            <Badge variant="light" size="lg" radius="sm" data-testid="app-version" style={{ textTransform: 'none' }}>
              {t('version', { version: appInfo.version })}
            </Badge>
          </Stack>
        </Group>
        <Text size="sm">{t('description')}</Text>
        <Table variant="vertical" layout="fixed" withTableBorder fz="sm">
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w={170}>{t('details.runtime')}</Table.Th>
              <Table.Td>{t(`common:runtime.${appInfo.runtime}`)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('details.os')}</Table.Th>
              <Table.Td>{osName(appInfo.os)}</Table.Td>
            </Table.Tr>
            {engine && (
              <Table.Tr>
                <Table.Th>{t('details.engine')}</Table.Th>
                <Table.Td>{engine}</Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
        <Group justify="flex-end">
          <Button onClick={onClose} data-autofocus>
            {t('close')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
