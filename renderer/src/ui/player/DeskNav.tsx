// Runtime: renderer. The desk's navigation: the trainee's accounts (name, platform and handle) and the
// inbox, each with how many items arrived there since the trainee last looked ("99+" above 99), and
// the inbox marked while an urgent message in it waits for an answer.
import { Badge, Group, NavLink, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../core/pack/schema';
import { localized } from '../../library/library';
import { AlertIcon } from '../icons';
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

/** Urgent messages unanswered: a mark that stays until they are answered, read or not. */
function UrgentBadge({ count }: { count: number }) {
  const { t } = useTranslation('player');
  return (
    <Badge size="sm" circle color="red.8" aria-label={t('inbox.urgent', { count })} data-testid="player-inbox-urgent" style={{ flexShrink: 0 }}>
      <AlertIcon size={11} aria-hidden="true" style={{ display: 'block' }} />
    </Badge>
  );
}

export function DeskNav({
  accounts,
  playLanguage,
  desk,
  onSelect,
  unread,
  urgent = 0,
}: {
  accounts: Account[];
  playLanguage: string;
  desk: DeskView;
  onSelect: (view: DeskView) => void;
  /** How many items of a view the trainee has not seen. */
  unread: (view: DeskView) => number;
  /** How many urgent messages (a citizen in danger or need) wait for an answer. */
  urgent?: number;
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
        rightSection={
          inboxUnread > 0 && desk.kind !== 'inbox' ? (
            <Group gap={4} wrap="nowrap">
              {urgent > 0 && <UrgentBadge count={urgent} />}
              <UnreadBadge count={inboxUnread} color="orange" />
            </Group>
          ) : urgent > 0 ? (
            <UrgentBadge count={urgent} />
          ) : null
        }
      />
    </nav>
  );
}
