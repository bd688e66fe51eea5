import Button from '@mui/material/Button';
import SearchOffOutlined from '@mui/icons-material/SearchOffOutlined';
import { ScreenHeader } from '../shell/ScreenHeader';
import { EmptyState } from '../shell/EmptyState';
import { navigate } from '../state/router';
import { DEFAULT_PATH } from '../sections';

export function NotFoundScreen({ path }: { path: string }) {
  return (
    <>
      <ScreenHeader title="Page not found" />
      <EmptyState icon={<SearchOffOutlined sx={{ fontSize: 48 }} color="disabled" />} title={`Nothing lives at ${path}`}>
        The link may be mistyped or out of date.
      </EmptyState>
      <Button sx={{ mt: 2 }} variant="contained" onClick={() => navigate(DEFAULT_PATH)}>
        Go to the queue
      </Button>
    </>
  );
}
