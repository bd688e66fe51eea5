export { LocaleProvider } from './LocaleProvider';
export { useFormat } from './useFormat';
export { useLocaleStore, loadInitialLocale, currentLocale, systemLocale, type LocaleChoice } from './localeStore';
