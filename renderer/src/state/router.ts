import { create } from 'zustand';
import { DEFAULT_PATH } from '../sections';

/** A minimal history-API router: the URL is the source of truth, so deep links and reloads land where they should. */
interface RouterState {
  /** pathname + search, e.g. `/customer?phone=…` */
  path: string;
  navigate: (path: string, options?: { replace?: boolean }) => void;
}

function currentPath(): string {
  const { pathname, search } = window.location;
  return pathname === '/' || pathname === '/index.html' ? DEFAULT_PATH : `${pathname}${search}`;
}

export const useRouter = create<RouterState>((set, get) => ({
  path: currentPath(),
  navigate(path, options) {
    if (path === get().path) return;
    if (options?.replace) window.history.replaceState(null, '', path);
    else window.history.pushState(null, '', path);
    set({ path });
  },
}));

window.addEventListener('popstate', () => useRouter.setState({ path: currentPath() }));
if (window.location.pathname === '/' || window.location.pathname === '/index.html') {
  window.history.replaceState(null, '', DEFAULT_PATH);
}

export const navigate = (path: string, options?: { replace?: boolean }) => useRouter.getState().navigate(path, options);
