import { useCallback } from 'react';
import Alert from '@mui/material/Alert';
import Typography from '@mui/material/Typography';
import { FormattedMessage, useIntl } from 'react-intl';
import { baseLanguage, type LanguageChoice } from '@core/content';

/**
 * A language's name in the agent's UI language ("German", "Deutsch"), by its
 * base language so "de-DE" reads "German". Local until the foundation's
 * useFormat() offers languageName; then this should call it.
 */
export function useLanguageName(): (tag: string) => string {
  const { locale } = useIntl();
  return useCallback(
    (tag: string) => {
      const base = baseLanguage(tag);
      try {
        return new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' }).of(base) ?? base;
      } catch {
        return tag;
      }
    },
    [locale],
  );
}

/**
 * Says, next to a script, reply or article, that it has no version in the
 * customer's language and which one is shown instead: "No German version — showing English".
 */
export function LanguageFallbackNotice({ wanted, choice, compact = false }: { wanted: string; choice: LanguageChoice; compact?: boolean }) {
  const languageName = useLanguageName();
  if (choice.match !== 'fallback' || wanted.trim() === '' || baseLanguage(wanted) === baseLanguage(choice.language)) return null;
  const message = (
    <FormattedMessage id="content.fallback.notice" defaultMessage="No {wanted} version — showing {shown}" values={{ wanted: languageName(wanted), shown: languageName(choice.language) }} />
  );
  if (compact) {
    return (
      <Typography variant="caption" component="span" color="text.secondary" data-testid="language-fallback" sx={{ display: 'block', fontStyle: 'italic' }}>
        {message}
      </Typography>
    );
  }
  return (
    <Alert severity="warning" variant="outlined" data-testid="language-fallback" sx={{ py: 0, mb: 1 }}>
      {message}
    </Alert>
  );
}
