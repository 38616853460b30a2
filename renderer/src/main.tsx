// Runtime: renderer (Electron window or browser tab). Reads what the first paint needs, then renders.
import { createPlatform } from '@platform/impl';
import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { FALLBACK_LANGUAGE, matchLanguage } from './core/locale';
import { AttacheDatabase } from './db/database';
import { createI18n } from './i18n';
import { App } from './ui/App';
import { StartFailure } from './ui/StartFailure';
import { loadStartup } from './ui/startup';

async function start(root: Root): Promise<void> {
  try {
    // Created here, inside the try, so that a missing desktop bridge is reported on screen; imported
    // statically so that its code arrives with the first script instead of one round trip later.
    const platform = createPlatform();
    const startup = await loadStartup(new AttacheDatabase(), platform);
    const i18n = await createI18n(startup.language);
    document.documentElement.lang = startup.language;
    root.render(
      <StrictMode>
        <App services={startup.services} i18n={i18n} initialTheme={startup.theme} initialProblem={startup.problem} />
      </StrictMode>,
    );
  } catch (error) {
    console.error('Attaché could not start.', error);
    const language = matchLanguage(navigator.language) ?? FALLBACK_LANGUAGE;
    document.documentElement.lang = language;
    root.render(<StartFailure i18n={await createI18n(language)} detail={error instanceof Error ? error.message : String(error)} />);
  }
}

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element.');
void start(createRoot(container));
