// Runtime: renderer. The UI language at hand in the header, so it can change in the middle of a
// scenario without leaving it (the scenario's own language is chosen at the briefing and stays).
// Each language is named in itself (English, Русский, Українська) whatever the interface speaks: a
// reader who cannot read the current language still finds their own.
import { Menu, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SUPPORTED_LANGUAGES } from '../../../electron/contract/api';
import { FALLBACK_LANGUAGE, isLanguage, LANGUAGE_ENDONYMS } from '../core/locale';
import { saveLanguage } from '../db/repositories/settings';
import { LanguageIcon } from './icons';
import { useServices } from './services';
import { useStorageProblems } from './storage-problems';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation('shell');
  const { db } = useServices();
  const { report } = useStorageProblems();
  const current = isLanguage(i18n.language) ? i18n.language : FALLBACK_LANGUAGE;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <UnstyledButton data-testid="header-language" title={LANGUAGE_ENDONYMS[current]} style={{ display: 'flex', alignItems: 'center', gap: 6, padding: 6 }}>
          <LanguageIcon size={18} />
          {/* A screen reader hears "Language: Українська"; the eye reads the short code (EN, RU, UK). */}
          <VisuallyHidden>
            {t('language')} <span lang={current}>{LANGUAGE_ENDONYMS[current]}</span>
          </VisuallyHidden>
          <span aria-hidden style={{ fontWeight: 600, fontSize: 13, textTransform: 'uppercase' }} lang="en">
            {current}
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
            {LANGUAGE_ENDONYMS[language]}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
