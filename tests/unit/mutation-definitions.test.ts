/**
 * Each mutation is declared once with defineMutation; the registry the
 * desktop and the hub use (argument schemas, rules, entities, serial writes)
 * is derived from those declarations, so they cannot drift apart.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ENTITY_NAMES } from '@core/sync/entities';
import { MUTATION_ENTITIES, MUTATION_NAMES, SERIAL_MUTATIONS, mutationArgs, mutators } from '@core/sync/mutations';
import { MUTATION_DEFINITIONS } from '@core/sync/mutations/definitions';

describe('mutation definitions', () => {
  it('give every mutation a rule, an argument schema and the entities it touches', () => {
    expect(MUTATION_DEFINITIONS.map((definition) => definition.name)).toEqual(MUTATION_NAMES);
    for (const definition of MUTATION_DEFINITIONS) {
      expect(typeof definition.rule, definition.name).toBe('function');
      expect(definition.args, definition.name).toBeInstanceOf(z.ZodType);
      expect(definition.entities.length, `${definition.name} lists no entities`).toBeGreaterThan(0);
      for (const entity of definition.entities) expect(ENTITY_NAMES, definition.name).toContain(entity);
    }
  });

  it('name each mutation once', () => {
    const names = MUTATION_DEFINITIONS.map((definition) => definition.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('are what the registry holds', () => {
    for (const definition of MUTATION_DEFINITIONS) {
      expect(mutationArgs[definition.name], definition.name).toBe(definition.args);
      expect(mutators[definition.name], definition.name).toBe(definition.rule);
      expect(MUTATION_ENTITIES[definition.name], definition.name).toBe(definition.entities);
    }
    expect(Object.keys(mutators)).toEqual(MUTATION_NAMES);
    expect(Object.keys(MUTATION_ENTITIES)).toEqual(MUTATION_NAMES);
  });

  it('run the directory, targets, scripts and merges alone on the hub, and nothing else', () => {
    expect([...SERIAL_MUTATIONS].sort()).toEqual(['customer.merge', 'customer.unmerge', 'queue.save', 'script.publish', 'script.save', 'target.set', 'team.save', 'user.create', 'user.update']);
  });
});
