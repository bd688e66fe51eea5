/** Content in the customer's language: choosing a script's, reply's or article's variant. */
export { baseLanguage, canonicalLanguage, chooseLanguage, isLanguageFallback, variantFor, type LanguageChoice, type LanguageMatch, type Translatable } from './language';
export { localiseArticle } from './articles';
