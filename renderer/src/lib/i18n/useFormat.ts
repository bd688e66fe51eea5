import { useMemo } from 'react';
import { createFormatter, type Formatter } from '@core/i18n/format';
import { useLocaleStore } from './localeStore';

/** Dates, times, durations, numbers, money, lists and language names in the agent's language. */
export function useFormat(): Formatter {
  const locale = useLocaleStore((state) => state.locale);
  return useMemo(() => createFormatter(locale), [locale]);
}
