/** Reading @mentions from a note as the person typed it. */
import { describe, expect, it } from 'vitest';
import { mentionedPeople } from '@core/mentions';
import { user } from '../helpers/world';

const people = [
  user('ava', 'Ava Thompson', 'agent', ['team_care']),
  user('bokafor', 'Ben Okafor', 'agent', ['team_care']),
  user('ben.k', 'Ben Kowalski', 'agent', ['team_other']),
  user('sam', 'Sam Rivera', 'supervisor', ['team_care']),
  user('olga', 'Olga Petrova', 'agent', ['team_other'], { disabled: true }),
];

describe('mentionedPeople', () => {
  it('finds people by user name, or by first name when only one person has it, in the order written, once each', () => {
    expect(mentionedPeople('@sam can you look? @Ava, and @ava again.', people)).toEqual(['usr_sam', 'usr_ava']);
    expect(mentionedPeople('Thanks @ben.k.', people)).toEqual(['usr_ben.k']);
  });

  it('leaves out a first name two people share, someone switched off, unknown names and email addresses', () => {
    expect(mentionedPeople('@Ben? @olga @nobody write to ava@example.com', people)).toEqual([]);
    expect(mentionedPeople('@bokafor is the user name of Ben Okafor', people)).toEqual(['usr_bokafor']);
  });
});
