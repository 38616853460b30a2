// Runtime: renderer. The inbox: private traffic from every account as conversations, the most
// recently active first — a persona's direct messages with the trainee's answers, headquarters'
// requests (marked: they are instructions), and the trainee's mass notifications with how many they
// reached and the replies they drew. An urgent message (a citizen in danger or need) is marked so,
// and its conversation stays on top until it is answered. Small enough not to need virtualising;
// plain buttons and headings make it keyboard- and screen-reader-friendly.
import { Avatar, Badge, UnstyledButton } from '@mantine/core';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReactionPlan } from '../../../core/engine/audience';
import { summarizeAt } from '../../../core/engine/audience';
import type { DutyOfCare } from '../../../core/engine/outcome';
import { dutyOfCare } from '../../../core/engine/outcome';
import type { FeedItem } from '../../../core/engine/timeline';
import type { Persona, Scenario } from '../../../core/pack/schema';
import { localized } from '../../../library/library';
import { AlertIcon } from '../../icons';
import { formatSimTime } from '../../sim-time';
import { AuthorAvatar, cx, GradeBadge, InjectMedia, labelKeyOf, RichText, SimTime, VerifiedMark } from './FeedItemCard';
import { fullCount } from './format';
import { BuildingIcon, MegaphoneIcon, ReplyArrowIcon } from './icons';
import classes from './InboxView.module.css';
import type { MediaResolver } from './media';
import type { Author, PeopleContext } from './people';
import { authorOf, avatarOf, itemText, usePeopleContext } from './people';
import type { Conversation } from './select';
import { inboxConversations } from './select';
import { atHandle } from './skin';
import { usePlatformName } from '../../platform-name';
import { ClearanceAnswer } from './ClearanceAnswer';

export interface InboxViewProps {
  /** The inbox's items, oldest first, as `inboxItemsFor` gives them. */
  items: FeedItem[];
  scenario: Scenario;
  personas: Map<string, Persona>;
  /** The audience's plans: how many a mass notification reached by now. Without them, sent messages say only "Sent". */
  reactions?: Record<string, ReactionPlan>;
  now: number;
  playLanguage: string;
  onReply?: ((item: FeedItem) => void) | undefined;
  replyingTo?: string | null;
  /**
   * The accounts with an open report task: only headquarters' requests on those offer "Write the
   * report" (a request to publish a statement is answered by publishing, not by a report).
   */
  reportAccounts?: ReadonlySet<string> | undefined;
  /** The pack's pictures and clips, shown in messages and as avatars. */
  media?: MediaResolver | undefined;
}

const NO_ACCOUNTS: ReadonlySet<string> = new Set();

export function InboxView({
  items,
  scenario,
  personas,
  reactions,
  now,
  playLanguage,
  onReply,
  replyingTo = null,
  reportAccounts = NO_ACCOUNTS,
  media,
}: InboxViewProps) {
  const { t } = useTranslation('feed');
  const titleId = useId();
  const people = usePeopleContext({ scenario, personas, playLanguage, items, media });
  // Answered or not, as the debrief will judge it: a direct message answers an urgent message, and
  // direct messages are all here.
  const urgent = useMemo(() => new Map(dutyOfCare(items, scenario).map((entry) => [entry.injectId, entry])), [items, scenario]);
  const conversations = useMemo(() => raiseUnanswered(inboxConversations(items, scenario, people.items), urgent), [items, scenario, people.items, urgent]);

  return (
    <section className={classes.inbox} aria-labelledby={titleId} data-testid="inbox">
      <header className={classes.header}>
        <h2 id={titleId} className={classes.title}>
          {t('inbox.title')}
        </h2>
        {items.length > 0 && <span className={classes.total}>{t('inbox.messages', { count: items.length })}</span>}
      </header>
      {conversations.length === 0 ? (
        <div className={classes.empty} data-testid="inbox-empty">
          <h3 className={classes.emptyTitle}>{t('inbox.empty.title')}</h3>
          <p className={classes.emptyBody}>{t('inbox.empty.body')}</p>
        </div>
      ) : (
        <ol className={classes.conversations}>
          {conversations.map((conversation) => (
            <li key={conversation.key}>
              <ConversationView
                conversation={conversation}
                people={people}
                urgent={urgent}
                reactions={reactions}
                now={now}
                onReply={onReply}
                replyingTo={replyingTo}
                reportAccounts={reportAccounts}
              />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** Whether a conversation holds an urgent message still without an answer. */
function waitsForAnswer(conversation: Conversation, urgent: ReadonlyMap<string, DutyOfCare>): boolean {
  return conversation.items.some((item) => urgent.get(item.id)?.answeredAt === null);
}

/** Conversations with an unanswered urgent message first (in their order), then the rest as they were. */
function raiseUnanswered(conversations: Conversation[], urgent: ReadonlyMap<string, DutyOfCare>): Conversation[] {
  if (urgent.size === 0) return conversations;
  const waiting = conversations.filter((conversation) => waitsForAnswer(conversation, urgent));
  return waiting.length === 0 ? conversations : [...waiting, ...conversations.filter((conversation) => !waiting.includes(conversation))];
}

interface ConversationProps {
  conversation: Conversation;
  people: PeopleContext;
  urgent: ReadonlyMap<string, DutyOfCare>;
  reactions: Record<string, ReactionPlan> | undefined;
  now: number;
  onReply: ((item: FeedItem) => void) | undefined;
  replyingTo: string | null;
  reportAccounts: ReadonlySet<string>;
}

function ConversationView({ conversation, people, urgent, reactions, now, onReply, replyingTo, reportAccounts }: ConversationProps) {
  const { t } = useTranslation('feed');
  const platformName = usePlatformName();
  const headingId = useId();
  const account = conversation.accountId === null ? undefined : people.scenario.accounts.find((candidate) => candidate.id === conversation.accountId);
  const persona = conversation.personaId ? people.personas.get(conversation.personaId) : undefined;
  const headquarters = conversation.headquarters || persona?.role === 'headquarters';
  const waiting = waitsForAnswer(conversation, urgent);
  const title =
    conversation.kind === 'notifications'
      ? t('inbox.notifications')
      : conversation.kind === 'other'
        ? t('inbox.other')
        : localized(persona?.name, people.playLanguage) || (conversation.personaId ?? '');
  const avatarAuthor: Author | null =
    conversation.kind === 'persona' && conversation.personaId
      ? { id: conversation.personaId, name: title, handle: null, verified: false, headquarters, own: false, avatar: avatarOf(persona, people.media) }
      : null;

  return (
    <section
      className={classes.conversation}
      aria-labelledby={headingId}
      data-testid="inbox-conversation"
      data-kind={conversation.kind}
      data-persona={conversation.personaId ?? undefined}
      data-headquarters={headquarters || undefined}
      data-urgent={waiting || undefined}
    >
      <div className={classes.conversationHeader}>
        {avatarAuthor ? (
          <AuthorAvatar author={avatarAuthor} size={36} />
        ) : (
          <Avatar size={36} color="gray" aria-hidden="true">
            <MegaphoneIcon size={18} />
          </Avatar>
        )}
        <div className={classes.conversationTitle}>
          <div className={classes.titleLine}>
            <h3 id={headingId} className={classes.name}>
              {title}
            </h3>
            {persona?.verified && <VerifiedMark />}
            {headquarters && (
              <Badge size="sm" variant="filled" color="gold.9" leftSection={<BuildingIcon size={12} />} data-testid="inbox-headquarters">
                {t('inbox.headquarters')}
              </Badge>
            )}
            {waiting && (
              <Badge size="sm" variant="filled" color="red.8" leftSection={<AlertIcon size={12} />} data-testid="inbox-awaiting-answer">
                {t('inbox.awaitingAnswer')}
              </Badge>
            )}
          </div>
          <p className={classes.via}>
            {persona && <span>{atHandle(persona.handle)}</span>}
            {account && <span>{t('inbox.via', { account: localized(account.name, people.playLanguage), platform: platformName(account.platform) })}</span>}
          </p>
        </div>
      </div>
      <ol className={classes.messages}>
        {conversation.items.map((item) => (
          <li key={item.id} className={classes.messageSlot} data-direction={item.source === 'trainee' ? 'out' : 'in'}>
            {item.source === 'clearance' ? (
              <ClearanceAnswer item={item} people={people} onTakeBack={onReply} />
            ) : (
              <Message
                item={item}
                urgent={urgent.get(item.id) ?? null}
                conversation={conversation}
                people={people}
                reactions={reactions}
                now={now}
                onReply={onReply}
                replying={replyingTo === item.id}
                reportAccounts={reportAccounts}
              />
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

interface MessageProps {
  item: FeedItem;
  /** Set when the item is an urgent message: whether and when it was answered. */
  urgent: DutyOfCare | null;
  conversation: Conversation;
  people: PeopleContext;
  reactions: Record<string, ReactionPlan> | undefined;
  now: number;
  onReply: ((item: FeedItem) => void) | undefined;
  replying: boolean;
  reportAccounts: ReadonlySet<string>;
}

function Message({ item, urgent, conversation, people, reactions, now, onReply, replying, reportAccounts }: MessageProps) {
  const { t, i18n } = useTranslation('feed');
  const author = authorOf(item, people);
  const outgoing = item.source === 'trainee';
  const text = itemText(item, people.playLanguage);
  const request = item.source === 'inject' && item.inject.type === 'hq-request';
  const notification = item.source === 'trainee' && item.kind === 'mass-notification';
  // Someone wrote to the trainee: a direct message, or a recipient answering one.
  const answerable =
    (request && reportAccounts.has(item.inject.account)) ||
    (item.source === 'inject' && item.inject.type === 'direct-message') ||
    (item.source === 'audience' && item.personaId !== null && conversation.kind === 'persona');
  const time = t('time', { time: formatSimTime(item.at) });
  const label = t(`item.${labelKeyOf(item)}`, { author: author.name, time });

  let status: string | null = null;
  if (item.source === 'trainee') {
    const plan = reactions?.[item.id];
    const reach = plan ? summarizeAt(plan, now).reach : null;
    // A report is read by headquarters, not delivered to an audience.
    if (reach === null || item.kind === 'report') status = t('inbox.sent');
    else if (reach === 0) status = t('inbox.sending');
    else status = notification ? t('inbox.deliveredTo', fullCount(reach, i18n.language)) : t('inbox.delivered');
  }

  return (
    <article
      className={cx(classes.message, outgoing && classes.outgoing, request && classes.request, urgent && classes.urgent)}
      aria-label={urgent ? t('inbox.urgentLabel', { label }) : label}
      data-testid="inbox-item"
      data-item-id={item.id}
      data-source={item.source}
      data-kind={item.source === 'inject' ? item.inject.type : item.source === 'trainee' ? item.kind : 'reply'}
      data-replying={replying || undefined}
      data-urgent={urgent ? (urgent.answeredAt === null ? 'unanswered' : 'answered') : undefined}
    >
      <div className={classes.bubbleHead}>
        {/* In a conversation with one person the heading names them; elsewhere each message says who wrote it. */}
        {(outgoing || conversation.kind !== 'persona') && <span className={classes.author}>{outgoing ? t('you') : author.name}</span>}
        {request && (
          <span className={classes.kicker}>
            <BuildingIcon size={12} />
            {t('inbox.headquarters')}
          </span>
        )}
        {notification && (
          <span className={classes.kicker}>
            <MegaphoneIcon size={12} />
            {t('kind.notification')}
          </span>
        )}
        {urgent && (
          <span className={classes.urgentMark} data-testid="inbox-urgent">
            <AlertIcon size={12} />
            {urgent.answeredAt === null ? t('inbox.urgent') : t('inbox.urgentAnswered', { time: formatSimTime(urgent.answeredAt) })}
          </span>
        )}
      </div>
      <RichText text={text} className={classes.text} />
      {item.source === 'inject' &&
        item.inject.media?.map((file) => (
          <InjectMedia key={file.file} source={people.media?.(file.file) ?? null} alt={localized(file.alt, people.playLanguage)} />
        ))}
      <div className={classes.bubbleFoot}>
        {item.source === 'trainee' && <GradeBadge item={item} />}
        {replying && (
          <Badge size="sm" variant="filled" data-testid="inbox-replying-now">
            {t('replyingNow')}
          </Badge>
        )}
        <span className={classes.status}>
          {status && <span data-testid="inbox-status">{status}</span>}
          <SimTime at={item.at} className={classes.time} />
        </span>
      </div>
      {answerable && onReply && (
        <UnstyledButton
          className={classes.reply}
          aria-label={request ? t('action.reportTo', { author: author.name }) : t('action.replyTo', { author: author.name })}
          data-testid={request ? 'inbox-report' : 'inbox-reply'}
          onClick={() => onReply(item)}
        >
          <ReplyArrowIcon size={16} />
          {request ? t('action.report') : t('action.reply')}
        </UnstyledButton>
      )}
    </article>
  );
}
