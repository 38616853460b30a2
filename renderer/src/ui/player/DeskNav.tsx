// Runtime: renderer. The desk's navigation: the trainee's accounts (name, platform and handle) and the
// inbox, each with how many items arrived there since the trainee last looked ("99+" above 99).
import { Badge, NavLink, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../core/pack/schema';
import { localized } from '../../library/library';
import { usePlatformName } from '../platform-name';
import type { DeskView } from './desk-view';

/** A badge's count as it fits a badge: above 99, "99+" (the accessible name keeps the number). */
export function unreadLabel(count: number): string {
  return count > 99 ? '99+' : String(count);
}

function UnreadBadge({ count, color }: { count: number; color?: string }) {
  const { t } = useTranslation('player');
  // A circle fits one digit; wider counts get a pill that grows with them instead of being cut.
  return (
    <Badge
      size="sm"
      circle={count < 10}
      color={color}
      aria-label={t('accounts.unread', { count })}
      data-testid="player-unread"
      style={{ overflow: 'visible', flexShrink: 0 }}
    >
      {unreadLabel(count)}
    </Badge>
  );
}

export function DeskNav({
  accounts,
  playLanguage,
  desk,
  onSelect,
  unread,
}: {
  accounts: Account[];
  playLanguage: string;
  desk: DeskView;
  onSelect: (view: DeskView) => void;
  /** How many items of a view the trainee has not seen. */
  unread: (view: DeskView) => number;
}) {
  const { t } = useTranslation('player');
  const platformName = usePlatformName();
  const inboxUnread = unread({ kind: 'inbox' });
  return (
    <nav aria-label={t('accounts.label')}>
      <Text size="xs" fw={700} tt="uppercase" c="dimmed" mb={4}>
        {t('accounts.title')}
      </Text>
      {accounts.map((candidate) => {
        const count = unread({ kind: 'account', accountId: candidate.id });
        const active = desk.kind === 'account' && desk.accountId === candidate.id;
        return (
          <NavLink
            key={candidate.id}
            component="button"
            type="button"
            active={active}
            aria-current={active ? 'true' : undefined}
            onClick={() => onSelect({ kind: 'account', accountId: candidate.id })}
            data-testid={`player-account-${candidate.id}`}
            label={localized(candidate.name, playLanguage)}
            description={`${platformName(candidate.platform)} · ${candidate.handle}`}
            rightSection={count > 0 && !active ? <UnreadBadge count={count} /> : null}
          />
        );
      })}
      <NavLink
        component="button"
        type="button"
        active={desk.kind === 'inbox'}
        aria-current={desk.kind === 'inbox' ? 'true' : undefined}
        onClick={() => onSelect({ kind: 'inbox' })}
        data-testid="player-inbox"
        label={t('inbox.title')}
        description={t('inbox.description')}
        rightSection={inboxUnread > 0 && desk.kind !== 'inbox' ? <UnreadBadge count={inboxUnread} color="orange" /> : null}
      />
    </nav>
  );
}
