// Runtime: renderer. The draft's textarea with the grader's findings marked in the text.
// The marks are drawn on a backdrop behind a textarea with a transparent background; both share
// the box, font, padding, wrapping and scrollbar gutter, so the text lines up exactly while the
// caret, selection, IME, spellcheck and undo stay the browser's own. The backdrop is the element in
// the flow: it holds the same text, so the field grows with it (autosize without measuring) and
// re-wraps with it when the column is resized; the textarea covers it and scrolls past the maximum
// height, and the backdrop follows that scroll.
import { useMergedRef } from '@mantine/hooks';
import type { KeyboardEventHandler, Ref } from 'react';
import { useCallback, useLayoutEffect, useMemo, useRef } from 'react';
import type { Finding, Span } from '../../../core/grading/types';
import classes from './Composer.module.css';
import { segmentsOf } from './highlight';

export interface HighlightedTextareaProps {
  id: string;
  value: string;
  onValueChange: (value: string) => void;
  /** Each finding's span in `value` as it is now. */
  marks: ReadonlyArray<{ span: Span; item: Finding }>;
  /** The finding the trainee points at in the list: its marks stand out. */
  activeFinding: Finding | null;
  placeholder: string;
  describedBy?: string | undefined;
  /** The language the draft is written in, for spellcheck and screen readers. */
  lang?: string;
  onKeyDown?: KeyboardEventHandler<HTMLTextAreaElement>;
  keyShortcuts?: string;
  textareaRef?: Ref<HTMLTextAreaElement> | undefined;
  testId?: string;
}

export function HighlightedTextarea({
  id,
  value,
  onValueChange,
  marks,
  activeFinding,
  placeholder,
  describedBy,
  lang,
  onKeyDown,
  keyShortcuts,
  textareaRef,
  testId,
}: HighlightedTextareaProps) {
  const ownRef = useRef<HTMLTextAreaElement>(null);
  const backdropRef = useRef<HTMLDivElement>(null);
  const mergedRef = useMergedRef(ownRef, textareaRef);
  const segments = useMemo(() => segmentsOf(value, marks), [value, marks]);

  const syncScroll = useCallback(() => {
    const textarea = ownRef.current;
    const backdrop = backdropRef.current;
    if (textarea && backdrop) {
      backdrop.scrollTop = textarea.scrollTop;
      backdrop.scrollLeft = textarea.scrollLeft;
    }
  }, []);

  // Typing, pasting or applying a suggestion can scroll the textarea without a scroll event reaching us first.
  useLayoutEffect(syncScroll, [syncScroll, value, segments]);

  return (
    <div className={classes.field}>
      <div ref={backdropRef} className={classes.backdrop} aria-hidden="true" data-testid="composer-highlights">
        {segments.map((segment) =>
          segment.severity === null ? (
            <span key={segment.start}>{segment.text}</span>
          ) : (
            <mark
              key={segment.start}
              className={classes.mark}
              data-severity={segment.severity}
              data-rule-ids={segment.findings.map((finding) => finding.ruleId).join(' ')}
              data-active={activeFinding !== null && segment.findings.includes(activeFinding) ? true : undefined}
            >
              {segment.text}
            </mark>
          ),
        )}
        {/* A final line break makes an empty last line in the textarea but not in a div: this one keeps the heights equal. */}
        {value.endsWith('\n') ? '\u200b' : null}
      </div>
      <textarea
        ref={mergedRef}
        id={id}
        className={classes.textarea}
        value={value}
        placeholder={placeholder}
        lang={lang}
        spellCheck
        aria-describedby={describedBy}
        aria-keyshortcuts={keyShortcuts}
        data-testid={testId}
        onChange={(event) => onValueChange(event.currentTarget.value)}
        onScroll={syncScroll}
        onKeyDown={onKeyDown}
      />
    </div>
  );
}
