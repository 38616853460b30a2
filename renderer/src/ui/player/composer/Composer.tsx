// Runtime: renderer. The composer: one line says where the draft goes — the kind, the account with its
// platform and handle, the task (or none) and what it answers — and the Publish button and
// Ctrl/⌘+Enter send exactly that; "Change" opens the choices. Tasks that open are offered as buttons,
// never taken. The trainee writes and sees the grader's verdict live — scores, findings marked in the
// text, fixes to apply. Grades are computed in a worker (preview-grader.ts): the previous grade stays
// on screen, marked "checking…", until the newest arrives. What the platform would refuse (a post or
// thread part over its limit), a closed task, a reply to nothing and a draft over the grader's ceiling
// are not sent at all: the composer says why and how to fix it, and keeps the text.
import { Alert, Button, CloseButton, Collapse, Group, Input, Kbd, NativeSelect, Paper, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useDisclosure, useMergedRef } from '@mantine/hooks';
import type { KeyboardEvent, Ref } from 'react';
import { useCallback, useDeferredValue, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MonitoringFacts } from '../../../core/engine/monitoring';
import type { Draft, EngineInput } from '../../../core/engine/timeline';
import { DRAFT_CEILING } from '../../../core/grading/grade';
import type { Finding, Grade, Span } from '../../../core/grading/types';
import type { Account, Task, TaskKind } from '../../../core/pack/schema';
import { TASK_KINDS } from '../../../core/pack/schema';
import { platformDescriptor } from '../../../core/platforms/descriptors';
import { localized } from '../../../library/library';
import { useGradingMessage } from '../../grading-message';
import { AlertIcon, LanguageIcon } from '../../icons';
import { fullNumber } from '../feed/format';
import { atHandle } from '../feed/skin';
import classes from './Composer.module.css';
import { Counter, Findings, ReportCounter, Scores, Verdict } from './Feedback';
import { reportSpec } from '../../../core/grading/report';
import { applyReplacement, rebaseSpans } from './highlight';
import { HighlightedTextarea } from './HighlightedTextarea';
import { gradeDraft } from './grading-protocol';
import type { GradingPort } from './preview-grader';
import { defaultGradingPort, PreviewGrader } from './preview-grader';
import { usePlatformName } from '../../platform-name';
import type { ComposerDraft, DraftClearance, PublishRefusal } from './target';
import { clearanceRefusal, draftForTask, kindChoices, publishRefusal, withKind } from './target';
import { ClearanceNotice } from './ClearanceNotice';

export type { ComposerDraft } from './target';

export interface ComposerReplyTarget {
  id: string;
  author: string;
  excerpt: string;
}

export interface ComposerProps {
  /** The attempt's engine input: drafts are graded with `previewGrade(input, draft)`. */
  input: EngineInput;
  /** The scenario's accounts. */
  accounts: Account[];
  /** The tasks open now. */
  openTasks: Task[];
  /** The open tasks offered to take up (see target.ts `offeredTasks`). */
  offers?: Task[];
  /** Take up a task (an offer, or the task chosen under "Change"); without it the composer aims itself. */
  onTakeTask?: (task: Task) => void;
  /** Turn an offered task down. */
  onDismissOffer?: (taskId: string) => void;
  /** Whom a direct message goes to when no item is answered: the task's recipient, by name. */
  recipient?: string | null;
  /** What the simulation knows now of the public's reaction: a report is graded against it while it is written. */
  monitoring?: MonitoringFacts | null;
  draft: ComposerDraft;
  /** Called on every keystroke (and every choice, without `onChooseDraft`). */
  onDraftChange: (draft: ComposerDraft) => void;
  /** Called when the trainee chooses where the draft goes: account, kind, or a fix the composer offers. */
  onChooseDraft?: (draft: ComposerDraft) => void;
  /**
   * In the inbox with nothing aimed (target.ts `needsTarget`): the line asks for a message to answer
   * or a feed to post on, and nothing is published.
   */
  needsTarget?: boolean;
  /** Called with the draft to publish; the parent clears the text. */
  onPublish: (draft: ComposerDraft) => void;
  /** The scenario is not live: nothing can be published. */
  disabled?: boolean;
  /** The feed or inbox item being replied to. */
  replyTarget?: ComposerReplyTarget | null;
  onCancelReply?: () => void;
  /** The draft's textarea, for the player's shortcut that focuses it. */
  textareaRef?: Ref<HTMLTextAreaElement>;
  /** Where the draft stands with headquarters (target.ts `draftClearance`); omitted: no clearance is asked anywhere. */
  clearance?: DraftClearance;
  /** Sends the draft for clearance: the button beside Publish and Ctrl/⌘+Shift+Enter, where clearance is required. */
  onRequestClearance?: (draft: ComposerDraft) => void;
  /** Opens the channel to the grading worker; null grades in the page, as where no worker can run. Tests pass a fake. */
  gradingPort?: (() => GradingPort | null) | null;
}

const NO_TASK = '';
const NO_CLEARANCE: DraftClearance = { required: false };
const NO_ACCOUNT = '';

/** The kinds that are sent (to people) rather than published (to a feed). */
const SENT_KINDS: ReadonlySet<TaskKind> = new Set(['direct-message', 'mass-notification']);

/** The finding the composer shows as a banner above the feedback rather than in the list. */
const WRONG_LANGUAGE = 'platform.wrong-language';

interface Graded {
  input: EngineInput;
  /** The draft the grade is of: it trails the textarea while the worker grades the newest keystroke. */
  draft: Draft;
  /** Null when the draft cannot be graded (an account or task the scenario does not have). */
  grade: Grade | null;
}

const sameDraft = (a: Draft, b: Draft) =>
  a.text === b.text && a.accountId === b.accountId && a.kind === b.kind && a.taskId === b.taskId && a.replyTo === b.replyTo;

function isTaskKind(value: string): value is TaskKind {
  return (TASK_KINDS as readonly string[]).includes(value);
}

export function Composer({
  input,
  accounts,
  openTasks,
  offers = [],
  onTakeTask,
  onDismissOffer,
  recipient = null,
  monitoring = null,
  draft,
  onDraftChange,
  onChooseDraft = onDraftChange,
  needsTarget = false,
  onPublish,
  disabled = false,
  replyTarget = null,
  onCancelReply,
  textareaRef,
  clearance = NO_CLEARANCE,
  onRequestClearance,
  gradingPort = defaultGradingPort,
}: ComposerProps) {
  const { t, i18n } = useTranslation('composer');
  const gradingMessage = useGradingMessage();
  const platformName = usePlatformName();
  const id = useId();
  const textId = `${id}-text`;
  const hintId = `${id}-hint`;
  const ownTextarea = useRef<HTMLTextAreaElement>(null);
  const mergedTextareaRef = useMergedRef(ownTextarea, textareaRef);
  const { playLanguage } = input;
  const [activeFinding, setActiveFinding] = useState<Finding | null>(null);
  // Where the caret goes once an applied suggestion has come back as the new text.
  const pendingCaret = useRef<number | null>(null);

  const { accountId, kind, taskId, replyTo, text } = draft;
  const overCeiling = text.length > DRAFT_CEILING;
  // Only a report is graded against the facts; other drafts do not regrade as the clock moves.
  const reportFacts = kind === 'report' ? (monitoring ?? undefined) : undefined;

  // Without a worker, the draft is graded in the page as it renders; typing renders first, the
  // grade follows when React has time.
  const inPage = gradingPort === null;
  const deferredText = useDeferredValue(text);
  const gradedInPage = useMemo((): Graded | null => {
    if (!inPage || deferredText.length > DRAFT_CEILING) return null;
    const gradedDraft = { accountId, kind, taskId, replyTo, text: deferredText };
    return { input, draft: gradedDraft, grade: gradeDraft(input, gradedDraft, reportFacts) };
  }, [inPage, input, accountId, kind, taskId, replyTo, deferredText, reportFacts]);

  // With a worker: layout effects, in this order, so the grader exists before the first request.
  const [gradedOffThread, setGradedOffThread] = useState<Graded | null>(null);
  const grader = useRef<PreviewGrader | null>(null);
  useLayoutEffect(() => {
    if (!gradingPort) return;
    const instance = new PreviewGrader(gradingPort(), ({ input: gradedInput, draft: gradedDraft, grade: result }) =>
      setGradedOffThread({ input: gradedInput, draft: gradedDraft, grade: result }),
    );
    grader.current = instance;
    return () => {
      instance.close();
      grader.current = null;
    };
  }, [gradingPort]);
  useLayoutEffect(() => {
    if (!overCeiling) grader.current?.request(input, { accountId, kind, taskId, replyTo, text }, reportFacts);
  }, [gradingPort, input, accountId, kind, taskId, replyTo, text, overCeiling, reportFacts]);
  const graded = inPage ? gradedInPage : gradedOffThread;
  const grade = overCeiling ? null : (graded?.grade ?? null);
  const gradedText = graded?.draft.text ?? '';
  const written = !overCeiling && gradedText.trim() !== '';
  const checking =
    !overCeiling && text.trim() !== '' && !(graded && graded.input === input && sameDraft(graded.draft, { accountId, kind, taskId, replyTo, text }));

  // Each finding's span moved onto the text as it is now, so marks stay on their words between grades.
  const marks = useMemo(() => {
    if (!graded?.grade || overCeiling) return [];
    const spanned = graded.grade.findings.flatMap((finding) => (finding.span ? [{ span: finding.span, item: finding }] : []));
    return rebaseSpans(graded.draft.text, text, spanned);
  }, [graded, text, overCeiling]);
  const currentSpans = useMemo(() => new Map<Finding, Span>(marks.map(({ span, item }) => [item, span])), [marks]);

  useLayoutEffect(() => {
    const caret = pendingCaret.current;
    const textarea = ownTextarea.current;
    if (caret === null || !textarea) return;
    pendingCaret.current = null;
    textarea.focus();
    textarea.setSelectionRange(caret, caret);
  }, [draft.text]);

  const openTaskIds = useMemo(() => openTasks.map((task) => task.id), [openTasks]);
  const refusal = useMemo(() => publishRefusal(input, draft, openTaskIds, needsTarget), [input, draft, openTaskIds, needsTarget]);
  const canPublish = !disabled && refusal === null;
  const publish = () => {
    if (canPublish) onPublish(draft);
  };
  // Headquarters sign off first where the pack asks: what stops publishing stops sending too.
  const canRequestClearance = !disabled && onRequestClearance !== undefined && clearanceRefusal(clearance, refusal) === null;
  const requestClearance = () => {
    if (canRequestClearance) onRequestClearance(draft);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey) || event.nativeEvent.isComposing) return;
    event.preventDefault();
    // The player's own Ctrl+Enter shortcut must not publish the same draft a second time.
    event.stopPropagation();
    // Ctrl/⌘+Shift+Enter sends for clearance where it is required; elsewhere it publishes, as it always did.
    if (event.shiftKey && clearance.required && onRequestClearance) requestClearance();
    else publish();
  };

  /** The finding's span in the current text, if the words it was about are still there unchanged. */
  const liveSpan = useCallback(
    (finding: Finding): Span | null => {
      const span = currentSpans.get(finding);
      if (!span || !finding.span || !graded) return null;
      return draft.text.slice(span.start, span.end) === graded.draft.text.slice(finding.span.start, finding.span.end) ? span : null;
    },
    [currentSpans, draft.text, graded],
  );

  const locate = (finding: Finding) => {
    const span = currentSpans.get(finding);
    const textarea = ownTextarea.current;
    if (!span || !textarea) return;
    textarea.focus();
    textarea.setSelectionRange(span.start, span.end);
  };

  const apply = (finding: Finding) => {
    const replacement = finding.suggestion?.replacement;
    const span = liveSpan(finding);
    if (replacement === undefined || !span) return;
    const next = applyReplacement(draft.text, span, replacement);
    pendingCaret.current = next.caret;
    setActiveFinding(null);
    // Focus stays in the text: the trainee goes on writing where the fix was made.
    ownTextarea.current?.focus();
    onDraftChange({ ...draft, text: next.text });
  };

  const task = draft.taskId === null ? null : (input.scenario.tasks.find((candidate) => candidate.id === draft.taskId) ?? null);
  const taskOpen = draft.taskId !== null && openTaskIds.includes(draft.taskId);
  const taskTitle = task ? localized(task.title, playLanguage) : (draft.taskId ?? '');

  const chooseTask = (value: string) => {
    const chosen = openTasks.find((candidate) => candidate.id === value);
    if (!chosen) onChooseDraft({ ...draft, taskId: null });
    // Taking a task up is the desk's to do where it can: it also opens the task's feed.
    else if (onTakeTask) onTakeTask(chosen);
    else onChooseDraft(draftForTask(chosen, draft.text));
  };

  const taskOptions = [{ value: NO_TASK, label: t('task.none') }, ...openTasks.map((open) => ({ value: open.id, label: localized(open.title, playLanguage) }))];
  if (draft.taskId !== null && !taskOpen) taskOptions.push({ value: draft.taskId, label: t('task.closed', { title: taskTitle }) });
  const accountOptions = accounts.map((option) => ({
    value: option.id,
    label: t('account.option', { name: localized(option.name, playLanguage), platform: platformName(option.platform), handle: atHandle(option.handle) }),
  }));
  // With nothing aimed no account is shown as chosen, so picking the one the draft last named is a choice too.
  if (needsTarget) accountOptions.unshift({ value: NO_ACCOUNT, label: t('account.choose') });
  const kindOptions = kindChoices(draft, task).map((value) => ({ value, label: t(`kind.${value}`) }));
  const account = accounts.find((candidate) => candidate.id === draft.accountId);

  // The one line that says where the draft goes; the button and Ctrl+Enter send exactly this.
  const platform = account ? platformName(account.platform) : draft.accountId;
  const accountLabel = account ? t('target.account', { name: localized(account.name, playLanguage), handle: atHandle(account.handle) }) : draft.accountId;
  const taskLabel = draft.taskId === null ? t('target.own') : taskOpen ? t('target.task', { title: taskTitle }) : t('target.taskClosed', { title: taskTitle });
  const answerLabel = replyTarget
    ? t('target.replyTo', { author: replyTarget.author })
    : draft.replyTo !== null
      ? t('target.replyToItem')
      : draft.kind === 'direct-message' && recipient
        ? t('target.recipient', { name: recipient })
        : draft.kind === 'reply'
          ? t('target.nothing')
          : null;
  // A report goes to headquarters from the account, on no platform: the line says so, and names the account once.
  const report = draft.kind === 'report';
  const kindLabel = report ? t('target.report', { account: accountLabel }) : t('target.kindOn', { kind: t(`kind.${draft.kind}`), platform });
  const publishLabel = needsTarget ? t('publish.action') : t(`publish.button.${draft.kind}`, { platform });
  const targetDetails = needsTarget ? t('target.choose') : [report ? null : accountLabel, taskLabel, answerLabel].filter((part) => part !== null).join(' · ');
  const [changing, changeSection] = useDisclosure(false);
  const changeId = `${id}-change`;
  const taskAccount = task && task.account !== draft.accountId ? accounts.find((candidate) => candidate.id === task.account) : undefined;

  // Writing in a language the audience does not read undoes everything else, so it is said once, prominently.
  const wrongLanguage = (written && grade?.findings.find((finding) => finding.ruleId === WRONG_LANGUAGE)) || null;
  const listed = useMemo(() => grade?.findings.filter((finding) => finding.ruleId !== WRONG_LANGUAGE) ?? [], [grade]);

  return (
    <Stack gap="sm" data-testid="composer">
      <Title order={2} size="h5">
        {t('title')}
      </Title>

      {offers.length > 0 && onTakeTask && (
        <ul className={classes.offers} aria-label={t('offer.list')} data-testid="composer-offers">
          {offers.map((offer) => {
            const offerAccount = accounts.find((candidate) => candidate.id === offer.account);
            const title = localized(offer.title, playLanguage);
            const where = offerAccount ? platformName(offerAccount.platform) : offer.account;
            const offerLine = t('offer.text', { platform: where, handle: offerAccount ? atHandle(offerAccount.handle) : '', title });
            return (
              <li key={offer.id} className={classes.offer} data-testid="composer-offer" data-task-id={offer.id}>
                {/* On one line the title must show: the platform leads, the rest is the tooltip and what a screen reader hears. */}
                <Text size="xs" className={classes.offerText} title={offerLine}>
                  <VisuallyHidden>{offerLine}</VisuallyHidden>
                  <span aria-hidden="true">
                    <strong>{where}</strong> · {title}
                  </span>
                </Text>
                <Group gap={4} wrap="nowrap">
                  <Button size="compact-xs" variant="light" onClick={() => onTakeTask(offer)} aria-label={t('offer.takeNamed', { title, platform: where })}>
                    {t('offer.take')}
                  </Button>
                  {onDismissOffer && <CloseButton size="sm" aria-label={t('offer.dismiss', { title })} onClick={() => onDismissOffer(offer.id)} />}
                </Group>
              </li>
            );
          })}
        </ul>
      )}

      <div
        className={classes.target}
        role="group"
        aria-labelledby={`${id}-target-label`}
        data-testid="composer-target"
        data-account={draft.accountId}
        data-kind={draft.kind}
        data-task={draft.taskId ?? ''}
        data-reply-to={draft.replyTo ?? ''}
        data-needs-target={needsTarget ? 'true' : undefined}
      >
        <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
          <div className={classes.targetText}>
            <Text size="xs" c="dimmed" id={`${id}-target-label`}>
              {t('target.label')}
            </Text>
            <Text size="sm" id={`${id}-target`} data-testid="composer-target-line">
              <strong>{needsTarget ? t('target.none') : kindLabel}</strong>
              {needsTarget ? ` — ${targetDetails}` : ` · ${targetDetails}`}
            </Text>
            {taskAccount && (
              <Text size="xs" c="dimmed" data-testid="composer-target-elsewhere">
                {t('target.taskElsewhere', { platform: platformName(taskAccount.platform), handle: atHandle(taskAccount.handle) })}
              </Text>
            )}
          </div>
          <Button
            size="compact-xs"
            variant="subtle"
            onClick={changeSection.toggle}
            aria-expanded={changing}
            aria-controls={changeId}
            aria-label={t('target.changeNamed')}
            className={classes.change}
            data-testid="composer-change"
          >
            {t('target.change')}
          </Button>
        </Group>

        {replyTarget && (
          <Paper withBorder p="xs" mt="xs" radius="sm" className={classes.replyTarget} data-testid="composer-reply-target">
            <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
              <div style={{ minWidth: 0 }}>
                <Text size="xs" fw={600}>
                  {t('reply.to', { author: replyTarget.author })}
                </Text>
                <Text size="xs" c="dimmed" className={classes.quote}>
                  {replyTarget.excerpt}
                </Text>
              </div>
              {onCancelReply && <CloseButton size="sm" aria-label={t('reply.cancel')} onClick={onCancelReply} data-testid="composer-cancel-reply" />}
            </Group>
          </Paper>
        )}

        <Collapse expanded={changing} id={changeId} keepMountedMode="display-none">
          <Stack gap="xs" mt="xs">
            <NativeSelect
              label={t('task.label')}
              data={taskOptions}
              value={draft.taskId ?? NO_TASK}
              onChange={(event) => chooseTask(event.currentTarget.value)}
              data-testid="composer-task"
              size="xs"
            />
            <NativeSelect
              label={t('account.label')}
              data={accountOptions}
              value={needsTarget ? NO_ACCOUNT : draft.accountId}
              onChange={(event) => {
                const value = event.currentTarget.value;
                if (value !== NO_ACCOUNT) onChooseDraft({ ...draft, accountId: value });
              }}
              data-testid="composer-account"
              size="xs"
            />
            <NativeSelect
              label={t('kind.label')}
              data={kindOptions}
              value={draft.kind}
              onChange={(event) => {
                const value = event.currentTarget.value;
                if (isTaskKind(value)) onChooseDraft(withKind(draft, value, task));
              }}
              data-testid="composer-kind"
              size="xs"
            />
          </Stack>
        </Collapse>
      </div>

      <div>
        <Input.Label htmlFor={textId}>{t('text.label')}</Input.Label>
        {draft.kind === 'thread' && (
          <Text size="xs" c="dimmed" id={hintId} mb={4}>
            {t('text.threadHint')}
          </Text>
        )}
        <HighlightedTextarea
          id={textId}
          value={draft.text}
          onValueChange={(text) => onDraftChange({ ...draft, text })}
          marks={marks}
          activeFinding={activeFinding}
          placeholder={t(`text.placeholder.${draft.kind}`)}
          describedBy={draft.kind === 'thread' ? hintId : undefined}
          lang={account?.audienceLanguage ?? playLanguage}
          onKeyDown={onKeyDown}
          keyShortcuts="Control+Enter Meta+Enter"
          textareaRef={mergedTextareaRef}
          testId="composer-text"
        />
      </div>

      {/* Right under the text it explains, and above the button it disables; the text box above never moves. */}
      {refusal && !disabled && (
        <Refusal refusal={refusal} platform={platform} draft={draft} taskTitle={taskTitle} account={account} onDraftChange={onChooseDraft} />
      )}

      {clearance.required && !disabled && text.trim() !== '' && <ClearanceNotice clearance={clearance} />}

      {/* The counter and the button share one row, so the verdict and the first score stay above the fold on a laptop. */}
      <div className={classes.publishRow}>
        <div className={classes.counterSlot}>
          {/* A report is an internal note: counted in words against the task's limits, not in a platform's characters. */}
          {grade && (report ? <ReportCounter text={text} words={reportSpec(task ?? {}).words} /> : <Counter metrics={grade.metrics} />)}
        </div>
        {/* Said where there is room; the button's tooltip and the shortcuts dialog say it everywhere. */}
        <Text size="xs" c="dimmed" aria-hidden="true" className={classes.shortcut}>
          <Kbd size="xs">{t('publish.mod')}</Kbd> + <Kbd size="xs">{t('publish.enter')}</Kbd>
        </Text>
        {clearance.required && onRequestClearance && (
          <Button
            variant="light"
            title={`${t('publish.mod')} + ${t('clearance.shift')} + ${t('publish.enter')}`}
            onClick={requestClearance}
            disabled={!canRequestClearance}
            aria-label={t('clearance.sendNamed', { target: targetDetails })}
            aria-keyshortcuts="Control+Shift+Enter Meta+Shift+Enter"
            data-testid="composer-clearance-send"
            className={classes.publish}
          >
            {t('clearance.send')}
          </Button>
        )}
        <Button
          title={`${t('publish.mod')} + ${t('publish.enter')}`}
          onClick={publish}
          disabled={!canPublish}
          aria-label={t('publish.named', { action: publishLabel, target: targetDetails })}
          aria-keyshortcuts="Control+Enter Meta+Enter"
          data-testid="composer-publish"
          className={classes.publish}
        >
          {publishLabel}
        </Button>
      </div>
      {disabled && (
        <Text size="xs" c="dimmed" data-testid="composer-off">
          {t('publish.off')}
        </Text>
      )}

      {wrongLanguage && (
        <Alert color="orange" variant="light" icon={<LanguageIcon size={18} />} data-testid="composer-language" p="xs">
          <Text size="sm" data-testid="composer-language-message">
            {gradingMessage(wrongLanguage.message)}
          </Text>
          {wrongLanguage.suggestion?.message && (
            <Text size="sm" data-testid="composer-language-advice">
              {gradingMessage(wrongLanguage.suggestion.message)}
            </Text>
          )}
        </Alert>
      )}

      <Stack gap="sm" component="section" aria-labelledby={`${id}-feedback`} data-testid="composer-feedback">
        <div>
          <Title order={2} size="h5" id={`${id}-feedback`}>
            {t('feedback.title')}
          </Title>
          <Verdict grade={written ? grade : null} clearance={clearance} />
          {checking && (
            <Text size="xs" c="dimmed" data-testid="composer-checking">
              {t('feedback.checking')}
            </Text>
          )}
        </div>
        {overCeiling ? (
          <Alert color="red" variant="light" icon={<AlertIcon size={18} />} title={t('ceiling.title')} data-testid="composer-ceiling" p="xs">
            <Text size="sm" data-testid="composer-ceiling-message">
              {t('ceiling.message', { length: fullNumber(text.length, i18n.language), ceiling: fullNumber(DRAFT_CEILING, i18n.language) })}
            </Text>
          </Alert>
        ) : written && grade ? (
          <>
            <Scores grade={grade} />
            {/* With the banner as the only finding, "no findings" below it would contradict it. */}
            {(listed.length > 0 || !wrongLanguage) && (
              <Findings
                findings={listed}
                activeFinding={activeFinding}
                onActivate={setActiveFinding}
                canLocate={(finding) => currentSpans.has(finding)}
                onLocate={locate}
                onApply={apply}
              />
            )}
          </>
        ) : (
          <Text size="sm" c="dimmed" data-testid="composer-hint">
            {t('feedback.hint')}
          </Text>
        )}
      </Stack>
    </Stack>
  );
}

/** Why the platform (or the desk) would not take the draft as it stands, and how to fix it. */
function Refusal({
  refusal,
  platform,
  draft,
  taskTitle,
  account,
  onDraftChange,
}: {
  refusal: PublishRefusal;
  platform: string;
  draft: ComposerDraft;
  taskTitle: string;
  account: Account | undefined;
  onDraftChange: (draft: ComposerDraft) => void;
}) {
  const { t, i18n } = useTranslation('composer');
  const number = (value: number) => fullNumber(value, i18n.language);
  let title: string;
  let message: string;
  let fix: string;
  let action: { label: string; draft: ComposerDraft } | null = null;
  switch (refusal.key) {
    // Nothing to say: the button is off and the text box says what to write; a draft over the
    // grader's ceiling is explained where the feedback would be (composer-ceiling); with nothing aimed
    // in the inbox, the target line itself says what to choose.
    case 'blank':
    case 'ceiling':
    case 'no-target':
      return null;
    case 'too-long': {
      title = t('refusal.title', { platform });
      const sent = SENT_KINDS.has(draft.kind);
      message = t(sent ? 'refusal.messageTooLong' : 'refusal.tooLong', {
        count: refusal.length,
        length: number(refusal.length),
        limit: number(refusal.limit),
        platform,
      });
      const threads = account !== undefined && platformDescriptor(account.platform).feed.threads === 'linked-posts';
      fix = t(sent ? 'refusal.fixMessage' : threads && draft.kind === 'post' ? 'refusal.fixThread' : 'refusal.fixShorten');
      if (threads && draft.kind === 'post') action = { label: t('refusal.makeThread'), draft: { ...draft, kind: 'thread' } };
      break;
    }
    case 'part-too-long':
      title = t('refusal.title', { platform });
      message = t('refusal.partTooLong', { count: refusal.length, part: refusal.part, length: number(refusal.length), limit: number(refusal.limit), platform });
      fix = t('refusal.fixPart');
      break;
    case 'task-closed':
      title = t('refusal.taskClosedTitle');
      message = t('refusal.taskClosed', { title: taskTitle });
      fix = t('refusal.fixTaskClosed');
      action = { label: t('refusal.makeOwn'), draft: { ...draft, taskId: null } };
      break;
    case 'no-reply-target':
      title = t('refusal.noTargetTitle');
      message = t('refusal.noTarget');
      fix = t('refusal.fixNoTarget');
      action = { label: t('refusal.makePost'), draft: { ...draft, kind: 'post' } };
      break;
  }
  return (
    <Alert color="red" variant="light" icon={<AlertIcon size={18} />} role="status" p="xs" data-testid="composer-refusal" data-key={refusal.key}>
      {/* One paragraph, so the reason fits beside the counter it explains on a laptop screen. */}
      <Text size="sm">
        <strong data-testid="composer-refusal-title">{title}.</strong> <span data-testid="composer-refusal-message">{message}</span>{' '}
        <span data-testid="composer-refusal-fix">{fix}</span>
      </Text>
      {action && (
        <Button size="compact-xs" variant="light" color="red" mt={4} onClick={() => onDraftChange(action.draft)}>
          {action.label}
        </Button>
      )}
    </Alert>
  );
}
