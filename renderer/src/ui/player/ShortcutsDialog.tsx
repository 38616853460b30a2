// Runtime: renderer. The player's keyboard shortcuts, listed where the trainee can find them (press ?).
import { Group, Kbd, Modal, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export const PLAYER_SHORTCUTS = [
  { keys: ['Ctrl', 'Enter'], action: 'publish' },
  { keys: ['Ctrl', 'Shift', 'Enter'], action: 'clearance' },
  { keys: ['Alt', 'P'], action: 'pause' },
  { keys: ['Alt', 'N'], action: 'next' },
  { keys: ['Alt', '1–7'], action: 'speed' },
  { keys: ['Alt', '0'], action: 'stop' },
  { keys: ['Alt', '↓'], action: 'nextAccount' },
  { keys: ['Alt', '↑'], action: 'previousAccount' },
  { keys: ['Alt', 'I'], action: 'inbox' },
  { keys: ['Alt', 'C'], action: 'compose' },
  { keys: ['?'], action: 'help' },
] as const;

export function ShortcutsDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation(['player', 'common']);
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('shortcuts.title')}
      closeButtonProps={{ 'aria-label': t('common:close') }}
      size="lg"
      data-testid="player-shortcuts-dialog"
    >
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('shortcuts.keys')}</Table.Th>
            <Table.Th>{t('shortcuts.action')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {PLAYER_SHORTCUTS.map((shortcut) => (
            <Table.Tr key={shortcut.action}>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  {shortcut.keys.map((key, index) => (
                    <span key={key}>
                      {index > 0 && (
                        <Text span size="xs" mx={2}>
                          +
                        </Text>
                      )}
                      <Kbd>{key === 'Ctrl' ? t('shortcuts.mod') : key}</Kbd>
                    </span>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>{t(`shortcuts.actions.${shortcut.action}`)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Modal>
  );
}
