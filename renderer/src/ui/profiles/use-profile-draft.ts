// Runtime: renderer. What every profile form shares: the fields being typed, when their problems
// show, and where focus goes when something is wrong. Each form keeps only its own submit.
import { useRef, useState } from 'react';
import { validateProfile, type ProfileIssues } from '../../core/profile';
import { ProfileValidationError } from '../../db/errors';
import type { ProfileFieldsProps } from './ProfileFields';

export interface ProfileDraftValues {
  name: string;
  academyId: string;
  email: string;
}

export interface ProfileDraft {
  values: ProfileDraftValues;
  /** Spread into ProfileFields, with the form's own test ids. */
  fields: Omit<ProfileFieldsProps, 'testIds'>;
  /**
   * Call at the start of a submit: from then on the problems show as the trainee types. False, with
   * focus on the first field that is wrong, when the values cannot be saved.
   */
  check: () => boolean;
  /**
   * Call with what a save threw. True when storage refused the values (a name another profile has):
   * the refusal shows on its field, which takes focus, until that field changes. False for anything
   * else, which the form reports itself.
   */
  reject: (error: unknown) => boolean;
  /** The values after a save, problems hidden again until the next submit. */
  reset: (values: ProfileDraftValues) => void;
}

/**
 * Problems appear after the first submit, then follow what is typed. A name another profile has is
 * only known once storage refuses it, so that refusal is kept apart and cleared when its field changes.
 */
export function useProfileDraft(initial: ProfileDraftValues, { onEdit }: { onEdit?: () => void } = {}): ProfileDraft {
  const [name, setName] = useState(initial.name);
  const [academyId, setAcademyId] = useState(initial.academyId);
  const [email, setEmail] = useState(initial.email);
  const [showIssues, setShowIssues] = useState(false);
  const [rejected, setRejected] = useState<ProfileIssues>({});
  const nameRef = useRef<HTMLInputElement>(null);
  const academyIdRef = useRef<HTMLInputElement>(null);
  const emailRef = useRef<HTMLInputElement>(null);

  const validation = validateProfile({ name, academyId, email });
  const issues: ProfileIssues = { ...rejected, ...(showIssues && !validation.ok ? validation.issues : {}) };
  const focusFirst = (wrong: ProfileIssues) => (wrong.name ? nameRef : wrong.academyId ? academyIdRef : emailRef).current?.focus();

  return {
    values: { name, academyId, email },
    fields: {
      name,
      academyId,
      email,
      onNameChange: (value) => {
        setName(value);
        setRejected((previous) => ({ ...previous, name: undefined }));
        onEdit?.();
      },
      onAcademyIdChange: (value) => {
        setAcademyId(value);
        setRejected((previous) => ({ ...previous, academyId: undefined }));
        onEdit?.();
      },
      onEmailChange: (value) => {
        setEmail(value);
        setRejected((previous) => ({ ...previous, email: undefined }));
        onEdit?.();
      },
      issues,
      nameRef,
      academyIdRef,
      emailRef,
    },
    check: () => {
      setShowIssues(true);
      if (validation.ok) return true;
      focusFirst(validation.issues);
      return false;
    },
    reject: (error) => {
      if (!(error instanceof ProfileValidationError)) return false;
      setRejected(error.issues);
      focusFirst(error.issues);
      return true;
    },
    reset: (values) => {
      setName(values.name);
      setAcademyId(values.academyId);
      setEmail(values.email);
      setShowIssues(false);
      setRejected({});
    },
  };
}
