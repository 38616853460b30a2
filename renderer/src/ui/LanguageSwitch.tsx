// Runtime: renderer. The UI language at hand in the header, so it can change in the middle of a
// scenario without leaving it (the scenario's own language is chosen at the briefing and stays).
import { Menu, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SUPPORTED_LANGUAGES } from '../../../electron/contract/api';
import { saveLanguage } from '../db/repositories/settings';
import { LanguageIcon } from './icons';
import { useServices } from './services';
import { useStorageProblems } from './storage-problems';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation(['shell', 'settings']);
  const { db } = useServices();
  const { report } = useStorageProblems();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <UnstyledButton data-testid="header-language" style={{ display: 'flex', alignItems: 'center', gap: 6, padding: 6 }}>
          <LanguageIcon size={18} />
          {/* The visible code is part of the accessible name, which says what the button is for. */}
          <VisuallyHidden>{t('shell:language')}</VisuallyHidden>
          <span style={{ fontWeight: 600, fontSize: 13, textTransform: 'uppercase' }} lang="en">
            {i18n.language}
          </span>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        {SUPPORTED_LANGUAGES.map((language) => (
          <Menu.Item
            key={language}
            lang={language}
            data-testid={`header-language-${language}`}
            onClick={() => saveLanguage(db, language).catch(report)}
            aria-current={i18n.language === language ? 'true' : undefined}
          >
            {t(`settings:language.options.${language}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
