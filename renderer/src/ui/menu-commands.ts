// Runtime: renderer. Carries out what the application menu (or, on the web, its keyboard stand-in) asks.
import { useEffect, useRef } from 'react';
import type { MenuCommand } from '../../../electron/contract/api';
import { saveLanguage, saveTheme } from '../db/repositories/settings';
import { navigate } from './router';
import { useServices } from './services';
import { useStorageProblems } from './storage-problems';

export function useMenuCommands({ openAbout }: { openAbout: () => void }): void {
  const { db, platform } = useServices();
  const { report } = useStorageProblems();
  // The latest callbacks, so that the subscription to the platform is made once.
  const handlers = useRef({ openAbout, report });
  useEffect(() => {
    handlers.current = { openAbout, report };
  });

  useEffect(
    () =>
      platform.onMenuCommand((command: MenuCommand) => {
        switch (command.type) {
          case 'open-settings':
            navigate('settings');
            break;
          case 'open-about':
            handlers.current.openAbout();
            break;
          case 'set-language':
            saveLanguage(db, command.language).catch(handlers.current.report);
            break;
          case 'set-theme':
            saveTheme(db, command.theme).catch(handlers.current.report);
            break;
        }
      }),
    [db, platform],
  );
}
