import type { Article } from '@core/domain/model';
import { queryTerms } from '@core/replies';

/** Articles matching every term of a query (title, tags, text), titles first. */
export function searchArticles(articles: readonly Article[], query: string): Article[] {
  const terms = query.trim() ? queryTerms(query) : [];
  if (terms.length === 0) return [...articles].sort((a, b) => a.title.localeCompare(b.title));
  const scored: [Article, number][] = [];
  for (const article of articles) {
    const title = article.title.toLowerCase();
    const tags = article.tags.join(' ').toLowerCase();
    const body = article.body.toLowerCase();
    let score = 0;
    let all = true;
    for (const term of terms) {
      const s = (title.includes(term) ? 100 : 0) + (tags.includes(term) ? 40 : 0) + (body.includes(term) ? 10 : 0);
      if (s === 0) all = false;
      score += s;
    }
    if (all) scored.push([article, score]);
  }
  return scored.sort((a, b) => b[1] - a[1] || a[0].title.localeCompare(b[0].title)).map(([article]) => article);
}
