import { describe, expect, it } from 'vitest';
import { mayReloadNow, updateNotice } from '../../renderer/src/state/updatePolicy';

describe('offering a new version of the web workstation', () => {
  it('says nothing until a new build waits', () => {
    expect(updateNotice({ waiting: false, midContact: false, postponed: false })).toBe('none');
    expect(updateNotice({ waiting: false, midContact: true, postponed: false })).toBe('none');
  });

  it('offers the reload when the agent is between contacts', () => {
    expect(updateNotice({ waiting: true, midContact: false, postponed: false })).toBe('offer');
  });

  it('mid-contact only says it will be offered afterwards', () => {
    expect(updateNotice({ waiting: true, midContact: true, postponed: false })).toBe('after-contact');
  });

  it('mid-contact, hidden with OK, stays quiet until the contact is finished, then offers the reload', () => {
    expect(updateNotice({ waiting: true, midContact: true, postponed: false, hushedForContact: true })).toBe('none');
    expect(updateNotice({ waiting: true, midContact: false, postponed: false, hushedForContact: true })).toBe('offer');
  });

  it('stays quiet once the agent said Later', () => {
    expect(updateNotice({ waiting: true, midContact: false, postponed: true })).toBe('none');
    expect(updateNotice({ waiting: true, midContact: true, postponed: true })).toBe('none');
  });

  it('reloads only when a build waits and no contact is in hand', () => {
    expect(mayReloadNow({ waiting: true, midContact: false })).toBe(true);
    expect(mayReloadNow({ waiting: true, midContact: true })).toBe(false);
    expect(mayReloadNow({ waiting: false, midContact: false })).toBe(false);
  });
});
