import Button from '@mui/material/Button';
import SearchOffOutlined from '@mui/icons-material/SearchOffOutlined';
import { FormattedMessage, useIntl } from 'react-intl';
import { ScreenHeader } from '../shell/ScreenHeader';
import { EmptyState } from '../shell/EmptyState';
import { navigate } from '../state/router';
import { DEFAULT_PATH } from '../sections';

export function NotFoundScreen({ path }: { path: string }) {
  const intl = useIntl();
  return (
    <>
      <ScreenHeader title={intl.formatMessage({ id: 'shell.notFound.title', defaultMessage: 'Page not found' })} />
      <EmptyState icon={<SearchOffOutlined sx={{ fontSize: 48 }} color="disabled" />} title={intl.formatMessage({ id: 'shell.notFound.nothingAt', defaultMessage: 'Nothing lives at {path}' }, { path })}>
        <FormattedMessage id="shell.notFound.help" defaultMessage="The link may be mistyped or out of date." />
      </EmptyState>
      <Button sx={{ mt: 2 }} variant="contained" onClick={() => navigate(DEFAULT_PATH)}>
        <FormattedMessage id="shell.notFound.toQueue" defaultMessage="Go to the queue" />
      </Button>
    </>
  );
}
