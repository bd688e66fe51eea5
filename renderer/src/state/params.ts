import { useRouter } from './router';

/** The current route's query parameters. */
export function useQueryParams(): URLSearchParams {
  const path = useRouter((state) => state.path);
  const index = path.indexOf('?');
  return new URLSearchParams(index >= 0 ? path.slice(index + 1) : '');
}
