// Runtime: renderer. A spinner that says what it waits for: a screen's code, or the scenario library
// that the library worker is still validating.
import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function Loading({ what, testId }: { what: 'screen' | 'library'; testId?: string }) {
  const { t } = useTranslation('shell');
  return (
    <Center py="xl" data-testid={testId ?? `${what}-loading`}>
      <Loader aria-label={what === 'screen' ? t('screenLoading') : t('libraryLoading')} role="status" />
    </Center>
  );
}
