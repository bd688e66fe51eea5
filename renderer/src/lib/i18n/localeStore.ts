/**
 * Which language the workstation speaks: the agent's choice in Settings (kept
 * on this computer), else the computer's own languages. Changing it fetches
 * the catalogue first, so the screen never shows half-translated text.
 */
import { create } from 'zustand';
import type { EmotionCache } from '@emotion/cache';
import { type AppLocale, AppLocaleSchema, isRightToLeft, type LocaleChoice, negotiateLocale, SOURCE_LOCALE } from '@core/i18n/locales';
import { loadMessages, type Messages } from './messages';

const STORAGE_KEY = 'agentdesk.locale';

/** 'system' follows the computer (navigator.languages: the OS's in Electron, the browser's otherwise). */
export type { LocaleChoice };

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
  /** The style cache that mirrors the layout, for a right-to-left language (null otherwise). */
  rtlCache: EmotionCache | null;
  /** Saves the choice and switches once its catalogue is here. */
  choose: (choice: LocaleChoice) => Promise<void>;
}

async function rtlCacheFor(locale: AppLocale): Promise<EmotionCache | null> {
  return isRightToLeft(locale) ? (await import('./rtlCache')).rtlCache : null;
}

export const useLocaleStore = create<LocaleState>((set) => ({
  choice: 'system',
  locale: SOURCE_LOCALE,
  messages: {},
  rtlCache: null,
  async choose(choice) {
    const locale = choice === 'system' ? systemLocale() : choice;
    const [messages, rtlCache] = await Promise.all([loadMessages(locale), rtlCacheFor(locale)]);
    try {
      if (choice === 'system') localStorage.removeItem(STORAGE_KEY);
      else localStorage.setItem(STORAGE_KEY, choice);
    } catch {
      // Storage refused (private window): the choice lasts this session.
    }
    set({ choice, locale, messages, rtlCache });
  },
}));

/** Before the first render: the saved or system language with its catalogue. */
export async function loadInitialLocale(): Promise<void> {
  const choice = storedChoice();
  const locale = choice === 'system' ? systemLocale() : choice;
  try {
    const [messages, rtlCache] = await Promise.all([loadMessages(locale), rtlCacheFor(locale)]);
    useLocaleStore.setState({ choice, locale, messages, rtlCache });
  } catch {
    // A catalogue that cannot load (a broken install) must not stop the workstation: English it is.
    useLocaleStore.setState({ choice, locale: SOURCE_LOCALE, messages: {}, rtlCache: null });
  }
}

/** The language now in use, for code outside React (e.g. the hub's Accept-Language). */
export function currentLocale(): AppLocale {
  return useLocaleStore.getState().locale;
}
