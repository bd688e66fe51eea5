// Right to left, every style's left and right swap: MUI's documented way (emotion with stylis-plugin-rtl).
// Its own chunk: only a right-to-left language fetches it.
import createCache from '@emotion/cache';
import rtlPlugin from 'stylis-plugin-rtl';

export const rtlCache = createCache({ key: 'muirtl', stylisPlugins: [rtlPlugin] });
