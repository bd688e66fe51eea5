/**
 * Who a note asks in: `@username`, or `@First` when one person (not switched
 * off) has that first name. Read from the text when the note is added, so the
 * person types names as they would anywhere else.
 */
import type { User } from './domain/model';

const MENTION = /(?:^|[^\p{L}\p{N}_.@-])@([\p{L}\p{N}_.-]+)/gu;

export function mentionedPeople(body: string, people: readonly Pick<User, 'id' | 'username' | 'name' | 'disabled'>[]): string[] {
  const active = people.filter((person) => !person.disabled);
  const byUsername = new Map(active.map((person) => [person.username.toLowerCase(), person.id]));
  const byFirst = new Map<string, string[]>();
  for (const person of active) {
    const first = person.name.split(/\s+/)[0]!.toLowerCase();
    byFirst.set(first, [...(byFirst.get(first) ?? []), person.id]);
  }
  const found: string[] = [];
  for (const match of body.matchAll(MENTION)) {
    // A trailing full stop or comma ends the sentence, not the name.
    const word = match[1]!.replace(/[._-]+$/, '').toLowerCase();
    const id = byUsername.get(word) ?? (byFirst.get(word)?.length === 1 ? byFirst.get(word)![0] : undefined);
    if (id && !found.includes(id)) found.push(id);
  }
  return found;
}
