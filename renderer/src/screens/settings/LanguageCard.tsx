import { useState } from 'react';
import Alert from '@mui/material/Alert';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { FormattedMessage, useIntl } from 'react-intl';
import { APP_LOCALES, LOCALE_NAMES, UI_LOCALES, isPseudoLocale, type AppLocale } from '@core/i18n/locales';
import { SettingsCard } from '../../components/SettingsCard';
import { systemLocale, useLocaleStore, type LocaleChoice } from '../../lib/i18n';

/** Pseudo-locales are for checking layouts: offered in development, or once one is chosen (tests choose them directly). */
function offersPseudoLocales(choice: LocaleChoice): boolean {
  return import.meta.env.DEV || (choice !== 'system' && isPseudoLocale(choice));
}

/** The language the workstation speaks, on this computer. */
export function LanguageCard() {
  const intl = useIntl();
  const choice = useLocaleStore((state) => state.choice);
  const choose = useLocaleStore((state) => state.choose);
  const [error, setError] = useState(false);
  const locales: readonly AppLocale[] = offersPseudoLocales(choice) ? APP_LOCALES : UI_LOCALES;

  return (
    <SettingsCard title={intl.formatMessage({ id: 'settings.language.title', defaultMessage: 'Language' })} id="settings-language">
      <TextField
        select
        size="small"
        sx={{ minWidth: 280 }}
        label={intl.formatMessage({ id: 'settings.language.label', defaultMessage: 'Language of the workstation' })}
        value={choice}
        onChange={(event) => {
          setError(false);
          choose(event.target.value as LocaleChoice).catch(() => setError(true));
        }}
        helperText={intl.formatMessage({
          id: 'settings.language.help',
          defaultMessage: 'Scripts, replies and promises follow each customer’s language, whatever you choose here.',
        })}
      >
        <MenuItem value="system">
          <FormattedMessage
            id="settings.language.system"
            defaultMessage="Same as this computer ({language})"
            values={{ language: LOCALE_NAMES[systemLocale()] }}
          />
        </MenuItem>
        {locales.map((locale) => (
          <MenuItem key={locale} value={locale} lang={isPseudoLocale(locale) ? undefined : locale}>
            {LOCALE_NAMES[locale]}
          </MenuItem>
        ))}
      </TextField>
      {error && (
        <Alert severity="error" sx={{ mt: 2 }}>
          <FormattedMessage id="settings.language.failed" defaultMessage="That language could not be loaded. The workstation stays in the language it was in." />
        </Alert>
      )}
    </SettingsCard>
  );
}
