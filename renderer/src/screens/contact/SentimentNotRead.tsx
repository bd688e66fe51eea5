/**
 * Says plainly, with the customer's situation, that their words were not read
 * for sentiment (a language the analyser does not cover), so no one takes the
 * missing "Sounds upset" for a calm customer.
 */
import Typography from '@mui/material/Typography';
import { useIntl } from 'react-intl';
import type { SentimentNotRead } from '@core/sentiment';
import { notReadMessage } from '@core/sentiment/messages';
import { useFormat } from '../../lib/i18n';

export function SentimentNotReadNote({ notRead }: { notRead: SentimentNotRead }) {
  const intl = useIntl();
  const format = useFormat();
  const language = notRead.language === null ? '' : format.languageName(notRead.language);
  return (
    <Typography variant="caption" component="p" color="text.secondary" role="note" data-testid="sentiment-not-read" sx={{ mb: 1.5 }}>
      {intl.formatMessage(notReadMessage(notRead), { language })}
    </Typography>
  );
}
