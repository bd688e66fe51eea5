/**
 * Which language the workstation speaks: the agent's choice in Settings (kept
 * on this computer), else the computer's own languages. Changing it fetches
 * the catalogue first, so the screen never shows half-translated text.
 */
import { create } from 'zustand';
import { type AppLocale, AppLocaleSchema, negotiateLocale, SOURCE_LOCALE } from '@core/i18n/locales';
import { loadMessages, type Messages } from './messages';

const STORAGE_KEY = 'agentdesk.locale';

/** 'system' follows the computer (navigator.languages: the OS's in Electron, the browser's otherwise). */
export type LocaleChoice = AppLocale | 'system';

export function systemLocale(): AppLocale {
  const languages = typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
  return negotiateLocale(languages);
}

function storedChoice(): LocaleChoice {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    const parsed = AppLocaleSchema.safeParse(value);
    return parsed.success ? parsed.data : 'system';
  } catch {
    return 'system';
  }
}

interface LocaleState {
  choice: LocaleChoice;
  locale: AppLocale;
  messages: Messages;
  /** Saves the choice and switches once its catalogue is here. */
  choose: (choice: LocaleChoice) => Promise<void>;
}

export const useLocaleStore = create<LocaleState>((set) => ({
  choice: 'system',
  locale: SOURCE_LOCALE,
  messages: {},
  async choose(choice) {
    const locale = choice === 'system' ? systemLocale() : choice;
    const messages = await loadMessages(locale);
    try {
      if (choice === 'system') localStorage.removeItem(STORAGE_KEY);
      else localStorage.setItem(STORAGE_KEY, choice);
    } catch {
      // Storage refused (private window): the choice lasts this session.
    }
    set({ choice, locale, messages });
  },
}));

/** Before the first render: the saved or system language with its catalogue. */
export async function loadInitialLocale(): Promise<void> {
  const choice = storedChoice();
  const locale = choice === 'system' ? systemLocale() : choice;
  try {
    useLocaleStore.setState({ choice, locale, messages: await loadMessages(locale) });
  } catch {
    // A catalogue that cannot load (a broken install) must not stop the workstation: English it is.
    useLocaleStore.setState({ choice, locale: SOURCE_LOCALE, messages: {} });
  }
}

/** The language now in use, for code outside React (e.g. the hub's Accept-Language). */
export function currentLocale(): AppLocale {
  return useLocaleStore.getState().locale;
}
