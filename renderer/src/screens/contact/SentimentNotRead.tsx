/**
 * Says plainly, with the customer's situation, that their words were not read
 * for sentiment (a language the analyser does not cover), so no one takes the
 * missing "Sounds upset" for a calm customer.
 */
import Typography from '@mui/material/Typography';
import { useIntl } from 'react-intl';
import type { SentimentNotRead } from '@core/sentiment';
import { notReadMessage } from '@core/sentiment/messages';

/**
 * The language's name in the agent's language ("Portuguese", "Portugiesisch").
 * A local stand-in until the shared formatting module offers language names.
 */
function languageName(tag: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

export function SentimentNotReadNote({ notRead }: { notRead: SentimentNotRead }) {
  const intl = useIntl();
  const language = notRead.language === null ? '' : languageName(notRead.language, intl.locale);
  return (
    <Typography variant="caption" component="p" color="text.secondary" role="note" data-testid="sentiment-not-read" sx={{ mb: 1.5 }}>
      {intl.formatMessage(notReadMessage(notRead), { language })}
    </Typography>
  );
}
