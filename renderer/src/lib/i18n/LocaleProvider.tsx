import { type ReactNode, useEffect, useMemo } from 'react';
import { IntlProvider } from 'react-intl';
import { CacheProvider } from '@emotion/react';
import createCache from '@emotion/cache';
import rtlPlugin from 'stylis-plugin-rtl';
import { ThemeProvider } from '@mui/material/styles';
import { formattingLocale, isRightToLeft, SOURCE_LOCALE } from '@core/i18n/locales';
import { themeFor } from '../../theme';
import { useLocaleStore } from './localeStore';

// Right to left, every style's left and right swap: MUI's documented way (emotion with stylis-plugin-rtl).
const rtlCache = createCache({ key: 'muirtl', stylisPlugins: [rtlPlugin] });
const ltrCache = createCache({ key: 'css' });

/** Missing text falls back to the English in the code; the catalogue test keeps that from happening unseen. */
function ignoreMissing(error: { code?: string }): void {
  if (error.code === 'MISSING_TRANSLATION') return;
  console.error(error);
}

/** The language, its messages and its writing direction for everything below. */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const locale = useLocaleStore((state) => state.locale);
  const messages = useLocaleStore((state) => state.messages);
  const direction = isRightToLeft(locale) ? 'rtl' : 'ltr';

  useEffect(() => {
    document.documentElement.lang = locale;
    document.documentElement.dir = direction;
  }, [locale, direction]);

  const theme = useMemo(() => themeFor(direction), [direction]);
  return (
    <CacheProvider value={direction === 'rtl' ? rtlCache : ltrCache}>
      <ThemeProvider theme={theme} defaultMode="system">
        <IntlProvider locale={formattingLocale(locale)} defaultLocale={SOURCE_LOCALE} messages={messages} onError={ignoreMissing}>
          {children}
        </IntlProvider>
      </ThemeProvider>
    </CacheProvider>
  );
}
