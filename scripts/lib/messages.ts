// Runtime: Node (scripts). Renders the grader's messages and the pack loader's diagnostics for the
// terminal with the app's own translations and the app's own rendering (i18n/grading-message.ts,
// i18n/pack-diagnostic-message.ts), so the CLI says exactly what the app says.
import i18next from 'i18next';
import type { Message } from '../../renderer/src/core/grading/types';
import type { Diagnostic } from '../../renderer/src/core/pack/diagnostics';
import { formatDiagnosticAs } from '../../renderer/src/core/pack/diagnostics';
import type { Platform } from '../../renderer/src/core/pack/schema';
import { renderGradingMessage, type Translate } from '../../renderer/src/i18n/grading-message';
import { renderDiagnostic } from '../../renderer/src/i18n/pack-diagnostic-message';
import { allResources as resources } from '../../renderer/src/i18n/all-resources';
import { addStudioResources } from '../../renderer/src/i18n/studio-resources';
import { ABBREVIATION_STOP, absorbAbbreviationStop, isLanguage } from '../../renderer/src/core/locale';

const i18n = i18next.createInstance();
await i18n.use({ type: 'postProcessor', name: ABBREVIATION_STOP, process: (value: string) => absorbAbbreviationStop(value) }).init({
  lng: 'en',
  fallbackLng: 'en',
  ns: ['grading', 'common', 'packDiagnostics'],
  defaultNS: 'grading',
  resources,
  interpolation: { escapeValue: false },
  returnNull: false,
  postProcess: [ABBREVIATION_STOP],
});
// The pack checker's messages (`packDiagnostics`) load with the studio in the app; here, at once.
addStudioResources(i18n);

export async function setCliLanguage(language: string): Promise<void> {
  await i18n.changeLanguage(isLanguage(language) ? language : 'en');
}

/** A platform id as the app names it; an id the app does not know is shown as it is. */
export function platformName(platform: string): string {
  return i18n.t(`common:platform.${platform as Platform}`, { defaultValue: platform });
}

export function render(message: Message): string {
  // Keys come from the grader at run time, so they cannot be checked against the typed resources.
  const translate = i18n.t as unknown as Translate;
  return renderGradingMessage(translate, i18n.language, message, platformName);
}

/** A pack diagnostic as one terminal line (`file:line:col  path  message  hint`), in the CLI's language. */
export function formatPackDiagnostic(diagnostic: Diagnostic): string {
  const translate = i18n.t as unknown as Translate;
  return formatDiagnosticAs(diagnostic, renderDiagnostic(translate, i18n.language, diagnostic));
}
