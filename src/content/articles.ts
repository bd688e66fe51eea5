/** Knowledge articles in the customer's language. */
import type { Article } from '../domain/model';
import { variantFor, type LanguageChoice } from './language';

/** The article's title and body in the customer's language where it has them, and which language that is. */
export function localiseArticle(article: Article, wanted: string | null | undefined): { article: Article; choice: LanguageChoice } {
  const { text, ...choice } = variantFor(article, wanted);
  return { article: text ? { ...article, title: text.title, body: text.body } : article, choice };
}
