// Runtime: Node (Vitest, happy-dom). The frame a test of the studio renders a view in: the app's theme,
// its translations in one language, the app's services when the view needs them, and a StudioProvider
// over a document that writes no recovery copy. The studio's handle is kept for the test to read.
import { MantineProvider } from '@mantine/core';
import { render } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { useEffect, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { Language } from '../../../electron/contract/api';
import type { PackDocument } from '../core/studio/document';
import { createI18n } from '../i18n';
import { createStudioChecker } from '../studio/checker';
import { ServicesProvider, type AppServices } from '../ui/services';
import { StorageProblemsProvider } from '../ui/storage-problems';
import { StudioProvider, useStudio, type StudioHandle } from '../ui/studio/studio-context';
import { theme } from '../ui/theme';

export interface StudioFrame {
  document: PackDocument;
  initialView: string;
  language?: Language;
  /** Checks every document with the real checker, answering in the page as where no worker runs; else no live check. */
  checked?: boolean;
  /** The app's services (with the storage problems they report), for views that read the database or the platform. */
  services?: AppServices;
  /** What stands between the services and the studio (the play-test's host, for one). */
  around?: (studio: ReactNode) => ReactNode;
}

export interface RenderedStudio {
  user: UserEvent;
  /** The studio's handle as last rendered: its document, history and last revealed place. */
  studio: () => StudioHandle;
}

function HandleProbe({ onHandle }: { onHandle: (studio: StudioHandle) => void }) {
  const studio = useStudio();
  useEffect(() => onHandle(studio));
  return null;
}

export async function renderInStudio(
  view: ReactNode,
  { document, initialView, language = 'en', checked = false, services, around }: StudioFrame,
): Promise<RenderedStudio> {
  // Mantine's growing text areas listen for web fonts loading, which happy-dom does not model.
  if (!('fonts' in window.document)) Object.defineProperty(window.document, 'fonts', { value: new EventTarget(), configurable: true });
  const i18n = await createI18n(language);
  let handle: StudioHandle | null = null;
  const studio = (
    <StudioProvider
      session={{ draftId: 'draft-1', source: { kind: 'new' }, document }}
      saveCopy={() => Promise.resolve()}
      createChecker={checked ? () => createStudioChecker({ appVersion: '0.1.0', port: null }) : null}
      initialView={initialView}
    >
      <HandleProbe
        onHandle={(current) => {
          handle = current;
        }}
      />
      {view}
    </StudioProvider>
  );
  const framed = around ? around(studio) : studio;
  render(
    <MantineProvider theme={theme} env="test">
      <I18nextProvider i18n={i18n}>
        {services ? (
          <ServicesProvider services={services}>
            <StorageProblemsProvider>{framed}</StorageProblemsProvider>
          </ServicesProvider>
        ) : (
          framed
        )}
      </I18nextProvider>
    </MantineProvider>,
  );
  return { user: userEvent.setup(), studio: () => handle! };
}
