// Runtime: renderer (browser). What a person reads of a badge: the achievement, the issuer and its DID,
// the dates, how the recipient is named (a salted hash), the criteria and the proof's key.
import { Box, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BadgeSummary } from '../../core/records/badge';
import { formattingLocale } from '../../core/locale';

function formatDate(iso: string | null, language: string, none: string): string {
  if (!iso) return none;
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleString(formattingLocale(language), { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }) + ' UTC';
}

export function BadgeSummaryView({ summary, testId }: { summary: BadgeSummary; testId?: string }) {
  const { t, i18n } = useTranslation('badges');
  const none = t('verify.summary.none');
  const rows: Array<[string, string, boolean?]> = [
    [t('verify.summary.achievement'), summary.achievement.name || none],
    [t('verify.summary.issuer'), [summary.issuer.name, summary.issuer.url].filter(Boolean).join(' · ') || none],
    [t('verify.summary.issuerDid'), summary.issuer.id || none, true],
    [t('verify.summary.awarded'), formatDate(summary.awardedDate, i18n.language, none)],
    [t('verify.summary.validFrom'), formatDate(summary.validFrom, i18n.language, none)],
    ...(summary.validUntil ? ([[t('verify.summary.validUntil'), formatDate(summary.validUntil, i18n.language, none)]] as Array<[string, string]>) : []),
    [
      t('verify.summary.recipient'),
      summary.recipient.identityHash
        ? t('verify.summary.recipientHash', {
            type: t(`verify.summary.identityType.${summary.recipient.identityType}`, { defaultValue: summary.recipient.identityType }),
            hash: summary.recipient.identityHash,
          })
        : none,
      true,
    ],
    [t('verify.summary.criteria'), summary.achievement.criteria || none],
    [t('verify.summary.signedWith'), summary.proof ? `${summary.proof.cryptosuite} · ${summary.proof.verificationMethod}` : none, true],
    [t('verify.summary.credentialId'), summary.credentialId || none, true],
  ];
  return (
    <Box component="dl" m={0} style={{ display: 'grid', gridTemplateColumns: 'minmax(8rem, max-content) 1fr', columnGap: 16, rowGap: 4 }} data-testid={testId}>
      {rows.map(([term, value, code]) => (
        <div key={term} style={{ display: 'contents' }}>
          <Text component="dt" size="sm" fw={600}>
            {term}
          </Text>
          <Text component="dd" size="sm" m={0} ff={code ? 'monospace' : undefined} style={code ? { wordBreak: 'break-all' } : undefined}>
            {value}
          </Text>
        </div>
      ))}
    </Box>
  );
}
