// Runtime: renderer. Headquarters' answer to a draft sent for clearance, in their conversation of the
// inbox: the verdict in words (never by colour alone), the draft it is about, the reviewer's comments
// (the grader's own findings on the draft, gravest first) and remark, and the action that gives the
// draft back to the composer — "Use the cleared text" when cleared, "Revise" when returned.
import { Badge, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FeedClearanceAnswer, FeedItem } from '../../../core/engine/timeline';
import { localized } from '../../../library/library';
import { useGradingMessage } from '../../grading-message';
import { AlertIcon, CheckIcon } from '../../icons';
import { formatSimTime } from '../../sim-time';
import { cx, SimTime } from './FeedItemCard';
import { ReplyArrowIcon } from './icons';
import classes from './InboxView.module.css';
import type { PeopleContext } from './people';
import { authorOf } from './people';

export function ClearanceAnswer({
  item,
  people,
  onTakeBack,
}: {
  item: FeedClearanceAnswer;
  people: PeopleContext;
  /** Puts the draft back in the composer; without it (the scenario is over) the answer is only read. */
  onTakeBack?: ((item: FeedItem) => void) | undefined;
}) {
  const { t } = useTranslation('feed');
  const gradingMessage = useGradingMessage();
  const author = authorOf(item, people);
  const cleared = item.verdict === 'cleared';
  const account = people.scenario.accounts.find((candidate) => candidate.id === item.accountId);
  const about = t('clearance.forAccount', { account: account ? localized(account.name, people.playLanguage) : item.accountId });
  const verdict = cleared ? t('clearance.cleared') : t('clearance.returned');
  const label = t('clearance.label', { author: author.name, time: formatSimTime(item.at), verdict });
  return (
    <article
      className={cx(classes.message, classes.request)}
      aria-label={label}
      data-testid="inbox-clearance"
      data-item-id={item.id}
      data-source="clearance"
      data-verdict={item.verdict}
    >
      <div className={classes.bubbleHead}>
        <Badge
          size="sm"
          variant="filled"
          color={cleared ? 'teal.9' : 'red.9'}
          leftSection={cleared ? <CheckIcon size={12} /> : <AlertIcon size={12} />}
          data-testid="inbox-clearance-verdict"
        >
          {verdict}
        </Badge>
        <span className={classes.kicker}>{about}</span>
      </div>
      <blockquote className={classes.text} style={{ margin: '4px 0', paddingInlineStart: 8, borderInlineStart: '2px solid var(--inbox-muted)' }}>
        <span className={classes.author}>{t('clearance.yourDraft')}</span> {item.draft.text}
      </blockquote>
      {item.comments.length > 0 && (
        <>
          <div className={classes.author}>{t('clearance.comments')}</div>
          <ul className={classes.text} style={{ margin: 0, paddingInlineStart: 20 }} data-testid="inbox-clearance-comments">
            {item.comments.map((comment, index) => (
              <li key={index}>{gradingMessage(comment)}</li>
            ))}
          </ul>
        </>
      )}
      {item.remark && (
        <p className={classes.text} style={{ margin: '4px 0 0' }} data-testid="inbox-clearance-remark">
          {item.remark}
        </p>
      )}
      <div className={classes.bubbleFoot}>
        <span className={classes.status}>
          <SimTime at={item.at} className={classes.time} />
        </span>
      </div>
      {onTakeBack && (
        <UnstyledButton
          className={classes.reply}
          aria-label={cleared ? t('clearance.useNamed', { about }) : t('clearance.reviseNamed', { about })}
          data-testid="inbox-clearance-use"
          onClick={() => onTakeBack(item)}
        >
          <ReplyArrowIcon size={16} />
          {cleared ? t('clearance.use') : t('clearance.revise')}
        </UnstyledButton>
      )}
    </article>
  );
}
