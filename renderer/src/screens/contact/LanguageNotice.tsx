import { useCallback } from 'react';
import Alert from '@mui/material/Alert';
import Typography from '@mui/material/Typography';
import { FormattedMessage } from 'react-intl';
import { baseLanguage, type LanguageChoice } from '@core/content';
import { useFormat } from '../../lib/i18n';

/** A language's name in the agent's UI language ("German", "Deutsch"), by its base language so "de-DE" reads "German". */
export function useLanguageName(): (tag: string) => string {
  const format = useFormat();
  return useCallback((tag: string) => format.languageName(baseLanguage(tag) || tag), [format]);
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
    // A note, not an alert: it describes what is shown and needs no announcing.
    <Alert severity="warning" variant="outlined" role="note" data-testid="language-fallback" sx={{ py: 0, mb: 1 }}>
      {message}
    </Alert>
  );
}
