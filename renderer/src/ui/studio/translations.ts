// Runtime: renderer. The studio's translations arrive with its code: each part of the studio that can
// be shown first (the start page, the provider every view sits in) makes sure they are registered.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addStudioResources } from '../../i18n/studio-resources';

/** Registers the studio's namespaces before the calling component's children translate with them. */
export function useStudioTranslations(): void {
  const { i18n } = useTranslation();
  // Once per translator, before the first render of what follows: an initializer, not an effect.
  useState(() => {
    addStudioResources(i18n);
    return i18n;
  });
}
