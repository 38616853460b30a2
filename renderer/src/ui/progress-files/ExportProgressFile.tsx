// Runtime: renderer. "Save my progress file": the active trainee's records, signed by this device's key,
// saved through the platform's save dialog (a download in a browser) for the trainee to hand to their
// academy. Says how the device's key is kept, and shows its fingerprint for the academy to compare.
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceKeyInfo } from '../../../../electron/contract/api';
import type { DeviceSigner } from '../../core/records/progress-file';
import type { ProfileRecord } from '../../db/database';
import { useServices } from '../services';
import { keyFingerprint } from './fingerprint';

type SaveState = { kind: 'idle' } | { kind: 'working' } | { kind: 'saved'; name: string; outcomes: number } | { kind: 'failed'; message: string };

export function ExportProgressFile({ profile }: { profile: Pick<ProfileRecord, 'id'> }) {
  const { t } = useTranslation('progressFiles');
  const { db, platform, appInfo } = useServices();
  const [key, setKey] = useState<DeviceKeyInfo | null | undefined>(undefined);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });

  useEffect(() => {
    let current = true;
    platform.getDeviceKey({ create: false }).then(
      (info) => current && setKey(info),
      // A key that cannot be read is reported when the trainee saves, with what to do.
      () => current && setKey(null),
    );
    return () => {
      current = false;
    };
  }, [platform]);

  const save = async () => {
    setState({ kind: 'working' });
    try {
      // The file format and its signing library load when a trainee first saves, not with Settings.
      const [{ saveProgressFile }, { PROGRESS_FILE_EXTENSION }] = await Promise.all([
        import('../../records/progress-files'),
        import('../../core/records/progress-file'),
      ]);
      const info = (await platform.getDeviceKey({ create: true }))!;
      setKey(info);
      const signer: DeviceSigner = {
        publicKey: info.publicKey,
        sign: async (bytes) => (await platform.signWithDeviceKey({ bytes })).signature,
      };
      const file = await saveProgressFile(db, profile.id, signer, { appVersion: appInfo.version });
      const result = await platform.saveFile({
        title: t('export.dialogTitle'),
        suggestedName: file.fileName,
        bytes: file.bytes,
        filters: [{ name: t('export.filter'), extensions: [PROGRESS_FILE_EXTENSION] }],
      });
      setState(result.saved ? { kind: 'saved', name: result.name, outcomes: file.outcomes } : { kind: 'idle' });
    } catch (error) {
      setState({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <Stack gap="sm" data-testid="progress-export">
      <Text fw={500}>{t('export.title')}</Text>
      <Text size="sm" c="dimmed" maw={640}>
        {t('export.description')}
      </Text>
      <Group gap="sm" wrap="wrap">
        <Button variant="light" onClick={() => void save()} loading={state.kind === 'working'} data-testid="progress-export-save">
          {t('export.action')}
        </Button>
      </Group>
      {key !== undefined && (
        <Text size="xs" c="dimmed" maw={640} data-testid="progress-export-key">
          {key ? `${t(`export.key.${key.storage}`)} ${t('export.fingerprint', { fingerprint: keyFingerprint(key.publicKey) })}` : t('export.keyNone')}
        </Text>
      )}
      {state.kind === 'saved' && (
        <Alert
          color="green"
          withCloseButton
          closeButtonLabel={t('export.dismiss')}
          onClose={() => setState({ kind: 'idle' })}
          data-testid="progress-export-saved"
        >
          {t('export.saved', { name: state.name, count: state.outcomes })}
        </Alert>
      )}
      {state.kind === 'failed' && (
        <Alert color="red" role="alert" data-testid="progress-export-failed">
          {t('export.failed', { message: state.message })}
        </Alert>
      )}
    </Stack>
  );
}
