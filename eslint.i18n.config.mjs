// The lint run with the check for text left untranslated in JSX (npm run lint:i18n).
import base from './eslint.config.mjs';
import { JSX_TEXT_RULE } from './eslint.i18n-rule.mjs';

export default [...base, { files: ['renderer/**/*.tsx'], rules: JSX_TEXT_RULE }];
