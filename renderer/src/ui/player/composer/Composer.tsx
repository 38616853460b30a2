// Runtime: renderer. The composer: the trainee chooses what a draft answers, on which account and in
// which form, writes it, and sees the grader's verdict live — scores, findings marked in the text,
// fixes to apply — before publishing with the button or Ctrl/⌘+Enter. Grades are computed in a
// worker (preview-grader.ts): the previous grade stays on screen, marked "checking…", until the
// newest arrives. A draft over the grader's ceiling is not sent at all: the composer says so and
// keeps the text.
import { Alert, Button, CloseButton, Group, Input, Kbd, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { useMergedRef } from '@mantine/hooks';
import type { KeyboardEvent, Ref } from 'react';
import { useCallback, useDeferredValue, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Draft, EngineInput } from '../../../core/engine/timeline';
import { DRAFT_CEILING } from '../../../core/grading/grade';
import type { Finding, Grade, Span } from '../../../core/grading/types';
import type { Account, Task, TaskKind } from '../../../core/pack/schema';
import { TASK_KINDS } from '../../../core/pack/schema';
import { localized } from '../../../library/library';
import { useGradingMessage } from '../../grading-message';
import { AlertIcon, LanguageIcon } from '../../icons';
import { fullNumber } from '../feed/format';
import classes from './Composer.module.css';
import { Counter, Findings, Scores, Verdict } from './Feedback';
import { applyReplacement, rebaseSpans } from './highlight';
import { HighlightedTextarea } from './HighlightedTextarea';
import { gradeDraft } from './grading-protocol';
import type { GradingPort } from './preview-grader';
import { defaultGradingPort, PreviewGrader } from './preview-grader';
import { usePlatformName } from '../../platform-name';

export interface ComposerDraft {
  accountId: string;
  kind: TaskKind;
  taskId: string | null;
  replyTo: string | null;
  text: string;
}

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
  draft: ComposerDraft;
  /** Called on every keystroke and every choice. */
  onDraftChange: (draft: ComposerDraft) => void;
  /** Called with the draft to publish; the parent clears the text. */
  onPublish: (draft: ComposerDraft) => void;
  /** The scenario is not live: nothing can be published. */
  disabled?: boolean;
  /** The feed or inbox item being replied to. */
  replyTarget?: ComposerReplyTarget | null;
  onCancelReply?: () => void;
  /** The draft's textarea, for the player's shortcut that focuses it. */
  textareaRef?: Ref<HTMLTextAreaElement>;
  /** Opens the channel to the grading worker; null grades in the page, as where no worker can run. Tests pass a fake. */
  gradingPort?: (() => GradingPort | null) | null;
}

const NO_TASK = '';

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
  draft,
  onDraftChange,
  onPublish,
  disabled = false,
  replyTarget = null,
  onCancelReply,
  textareaRef,
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

  // Without a worker, the draft is graded in the page as it renders; typing renders first, the
  // grade follows when React has time.
  const inPage = gradingPort === null;
  const deferredText = useDeferredValue(text);
  const gradedInPage = useMemo((): Graded | null => {
    if (!inPage || deferredText.length > DRAFT_CEILING) return null;
    const gradedDraft = { accountId, kind, taskId, replyTo, text: deferredText };
    return { input, draft: gradedDraft, grade: gradeDraft(input, gradedDraft) };
  }, [inPage, input, accountId, kind, taskId, replyTo, deferredText]);

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
    if (!overCeiling) grader.current?.request(input, { accountId, kind, taskId, replyTo, text });
  }, [gradingPort, input, accountId, kind, taskId, replyTo, text, overCeiling]);
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

  const canPublish = !disabled && draft.text.trim() !== '' && !overCeiling;
  const publish = () => {
    if (canPublish) onPublish(draft);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey) || event.nativeEvent.isComposing) return;
    event.preventDefault();
    // The player's own Ctrl+Enter shortcut must not publish the same draft a second time.
    event.stopPropagation();
    publish();
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

  const chooseTask = (value: string) => {
    const task = openTasks.find((candidate) => candidate.id === value);
    if (task) onDraftChange({ ...draft, taskId: task.id, accountId: task.account, kind: task.kind, replyTo: task.replyTo ?? null });
    else onDraftChange({ ...draft, taskId: null });
  };

  const taskOptions = [{ value: NO_TASK, label: t('task.none') }, ...openTasks.map((task) => ({ value: task.id, label: localized(task.title, playLanguage) }))];
  if (draft.taskId !== null && !openTasks.some((task) => task.id === draft.taskId)) {
    const closed = input.scenario.tasks.find((task) => task.id === draft.taskId);
    taskOptions.push({ value: draft.taskId, label: t('task.closed', { title: closed ? localized(closed.title, playLanguage) : draft.taskId }) });
  }
  const accountOptions = accounts.map((account) => ({
    value: account.id,
    label: t('account.option', { name: localized(account.name, playLanguage), platform: platformName(account.platform), handle: account.handle }),
  }));
  const kindOptions = TASK_KINDS.map((value) => ({ value, label: t(`kind.${value}`) }));
  const account = accounts.find((candidate) => candidate.id === draft.accountId);

  // Writing in a language the audience does not read undoes everything else, so it is said once, prominently.
  const wrongLanguage = (written && grade?.findings.find((finding) => finding.ruleId === WRONG_LANGUAGE)) || null;
  const listed = useMemo(() => grade?.findings.filter((finding) => finding.ruleId !== WRONG_LANGUAGE) ?? [], [grade]);

  return (
    <Stack gap="sm" data-testid="composer">
      <Title order={2} size="h5">
        {t('title')}
      </Title>

      {replyTarget && (
        <Paper withBorder p="xs" radius="sm" className={classes.replyTarget} data-testid="composer-reply-target">
          <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
            <div style={{ minWidth: 0 }}>
              <Text size="xs" fw={600}>
                {t('reply.to', { author: replyTarget.author })}
              </Text>
              <Text size="xs" c="dimmed" lineClamp={2}>
                {replyTarget.excerpt}
              </Text>
            </div>
            {onCancelReply && <CloseButton size="sm" aria-label={t('reply.cancel')} onClick={onCancelReply} data-testid="composer-cancel-reply" />}
          </Group>
        </Paper>
      )}

      <NativeSelect
        label={t('task.label')}
        data={taskOptions}
        value={draft.taskId ?? NO_TASK}
        onChange={(event) => chooseTask(event.currentTarget.value)}
        data-testid="composer-task"
        size="xs"
      />
      <Group grow gap="xs" align="flex-start">
        <NativeSelect
          label={t('account.label')}
          data={accountOptions}
          value={draft.accountId}
          onChange={(event) => onDraftChange({ ...draft, accountId: event.currentTarget.value })}
          data-testid="composer-account"
          size="xs"
        />
        <NativeSelect
          label={t('kind.label')}
          data={kindOptions}
          value={draft.kind}
          onChange={(event) => {
            const value = event.currentTarget.value;
            if (isTaskKind(value)) onDraftChange({ ...draft, kind: value });
          }}
          data-testid="composer-kind"
          size="xs"
        />
      </Group>

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

        {grade && (
          <div className={classes.counterRow}>
            <Counter metrics={grade.metrics} />
          </div>
        )}
      </div>

      <Group justify="flex-end" gap="xs" wrap="nowrap">
        <Text size="xs" c="dimmed" aria-hidden="true" style={{ whiteSpace: 'nowrap' }}>
          <Kbd size="xs">{t('publish.mod')}</Kbd> + <Kbd size="xs">{t('publish.enter')}</Kbd>
        </Text>
        <Button onClick={publish} disabled={!canPublish} aria-keyshortcuts="Control+Enter Meta+Enter" data-testid="composer-publish">
          {t('publish.action')}
        </Button>
      </Group>
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
          <Verdict grade={written ? grade : null} />
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
