// Runtime: renderer. A profile's fields, the same wherever a profile is made or edited: the name with
// the characters it has left, the optional academy ID and e-mail, each with what is wrong with it.
import { Text, TextInput } from '@mantine/core';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { ACADEMY_ID_MAX_LENGTH, EMAIL_MAX_LENGTH, nameCharactersLeft, PROFILE_NAME_MAX_LENGTH, type ProfileIssues } from '../../core/profile';

export interface ProfileFieldsProps {
  name: string;
  academyId: string;
  email: string;
  onNameChange: (value: string) => void;
  onAcademyIdChange: (value: string) => void;
  onEmailChange: (value: string) => void;
  /** The problems to show now; useProfileDraft decides when they show. */
  issues: ProfileIssues;
  nameRef: Ref<HTMLInputElement>;
  academyIdRef: Ref<HTMLInputElement>;
  emailRef: Ref<HTMLInputElement>;
  /** Where each form's tests find its fields. */
  testIds: { name: string; counter: string; academyId: string; email: string };
}

export function ProfileFields(props: ProfileFieldsProps) {
  const { name, academyId, email, onNameChange, onAcademyIdChange, onEmailChange, issues, nameRef, academyIdRef, emailRef, testIds } = props;
  const { t } = useTranslation('settings');
  const { nameError, academyIdError, emailError } = useProfileErrors(issues);
  const charactersLeft = nameCharactersLeft(name);
  return (
    <>
      <TextInput
        ref={nameRef}
        data-testid={testIds.name}
        label={t('profile.name.label')}
        placeholder={t('profile.name.placeholder')}
        autoComplete="name"
        required
        value={name}
        onChange={(event) => onNameChange(event.currentTarget.value)}
        error={nameError}
        description={
          <Text component="span" size="xs" c={charactersLeft < 0 ? 'red' : 'dimmed'} data-testid={testIds.counter}>
            {charactersLeft < 0 ? t('profile.name.charactersOver', { count: -charactersLeft }) : t('profile.name.charactersLeft', { count: charactersLeft })}
          </Text>
        }
        inputWrapperOrder={['label', 'input', 'description', 'error']}
      />
      <TextInput
        ref={academyIdRef}
        data-testid={testIds.academyId}
        label={t('profile.academyId.label')}
        placeholder={t('profile.academyId.placeholder')}
        description={t('profile.academyId.description', { max: ACADEMY_ID_MAX_LENGTH })}
        autoComplete="off"
        spellCheck={false}
        value={academyId}
        onChange={(event) => onAcademyIdChange(event.currentTarget.value)}
        error={academyIdError}
        inputWrapperOrder={['label', 'input', 'description', 'error']}
      />
      <TextInput
        ref={emailRef}
        data-testid={testIds.email}
        type="email"
        label={t('profile.email.label')}
        placeholder={t('profile.email.placeholder')}
        description={t('profile.email.description')}
        autoComplete="email"
        spellCheck={false}
        value={email}
        onChange={(event) => onEmailChange(event.currentTarget.value)}
        error={emailError}
        inputWrapperOrder={['label', 'input', 'description', 'error']}
      />
    </>
  );
}

/** What is wrong with each field of a profile, in words. */
function useProfileErrors(issues: ProfileIssues): { nameError: string | null; academyIdError: string | null; emailError: string | null } {
  const { t } = useTranslation('settings');
  const nameError =
    issues.name === 'required'
      ? t('profile.errors.nameRequired')
      : issues.name === 'too-long'
        ? t('profile.errors.nameTooLong', { max: PROFILE_NAME_MAX_LENGTH })
        : issues.name === 'taken'
          ? t('profile.errors.nameTaken')
          : null;
  const academyIdError =
    issues.academyId === 'invalid-characters'
      ? t('profile.errors.academyIdInvalidCharacters')
      : issues.academyId === 'too-long'
        ? t('profile.errors.academyIdTooLong', { max: ACADEMY_ID_MAX_LENGTH })
        : null;
  const emailError =
    issues.email === 'invalid'
      ? t('profile.errors.emailInvalid')
      : issues.email === 'too-long'
        ? t('profile.errors.emailTooLong', { max: EMAIL_MAX_LENGTH })
        : null;
  return { nameError, academyIdError, emailError };
}
