// Runtime: renderer. Agreement per axis between the authors' verdicts and the grader's: exact
// agreement, Cohen's kappa (or why it has none) and the confusion matrix, against the pack's
// required agreement.
import { Badge, Table, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AXES } from '../../../core/pack/schema';
import type { CalibrationSummary } from '../../../studio/calibration';
import { formattingLocale } from '../../../core/locale';

const formatPercent = (value: number, language: string) => new Intl.NumberFormat(formattingLocale(language), { maximumFractionDigits: 1 }).format(value);

export function AgreementTable({ summary }: { summary: CalibrationSummary }) {
  const { t, i18n } = useTranslation('studioCalibration');
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="xs" aria-label={t('calibration.agreementTable')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('calibration.columns.axis')}</Table.Th>
            <Table.Th>{t('calibration.columns.agreement')}</Table.Th>
            <Table.Th>{t('calibration.columns.kappa')}</Table.Th>
            <Table.Th>{t('calibration.columns.matrix')}</Table.Th>
            <Table.Th>{t('calibration.columns.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {AXES.map((axis) => {
            const agreement = summary.perAxis[axis];
            const below = summary.below.includes(axis);
            return (
              <Table.Tr key={axis} data-testid={`calibration-axis-${axis}`}>
                <Table.Th scope="row">{t(`axes.${axis}`)}</Table.Th>
                <Table.Td>
                  {t('calibration.agree', { percent: formatPercent(agreement.percent, i18n.language), agree: agreement.agree, total: agreement.total })}
                </Table.Td>
                <Table.Td>
                  {agreement.kappa === null ? (
                    <Tooltip label={t('calibration.kappaNoneHint')} multiline w={320} withArrow>
                      <Text size="sm" c="dimmed" tabIndex={0}>
                        {t(`calibration.kappaNone.${agreement.kappaUndefined ?? 'one-verdict'}`)}
                      </Text>
                    </Tooltip>
                  ) : (
                    new Intl.NumberFormat(formattingLocale(i18n.language), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(agreement.kappa)
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{t('calibration.matrix', { ...agreement.confusion })}</Text>
                </Table.Td>
                <Table.Td>
                  <Badge color={below ? 'red' : 'teal'} variant="light" c="var(--mantine-color-text)">
                    {below ? t('calibration.below') : t('calibration.meets')}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
