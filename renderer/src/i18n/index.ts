// Runtime: renderer. Creates the i18next instance the UI translates with.
import { createInstance, type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { SUPPORTED_LANGUAGES, type Language } from '../../../electron/contract/api';
import { ABBREVIATION_STOP, absorbAbbreviationStop, FALLBACK_LANGUAGE } from '../core/locale';
import { DEFAULT_NAMESPACE, english, loadLanguageResources, NAMESPACES } from './resources';

export async function createI18n(language: Language): Promise<i18n> {
  const instance = createInstance();
  // The interface's language is loaded before the first paint in it; English is always there to fall back on.
  const resources = { en: english, [language]: await loadLanguageResources(language) };
  await instance
    .use(initReactI18next)
    .use({ type: 'postProcessor', name: ABBREVIATION_STOP, process: (value: string) => absorbAbbreviationStop(value) })
    .init({
      resources,
      lng: language,
      fallbackLng: FALLBACK_LANGUAGE,
      supportedLngs: [...SUPPORTED_LANGUAGES],
      ns: NAMESPACES,
      defaultNS: DEFAULT_NAMESPACE,
      // React escapes what it renders; escaping here too would show entities such as &amp; to the user.
      interpolation: { escapeValue: false },
      returnNull: false,
      // A date such as «6 декабря 2026 г.» at the end of a sentence must not leave «г..».
      postProcess: [ABBREVIATION_STOP],
    });
  return instance;
}

/**
 * Switches the interface to `language`, first loading its translations if this instance has not got
 * them yet, so nothing shows in English for a moment.
 */
export async function switchLanguage(instance: i18n, language: Language): Promise<void> {
  if (!instance.hasResourceBundle(language, DEFAULT_NAMESPACE)) {
    const namespaces = await loadLanguageResources(language);
    for (const [namespace, bundle] of Object.entries(namespaces)) instance.addResourceBundle(language, namespace, bundle, true, false);
  }
  if (instance.language !== language) await instance.changeLanguage(language);
}
