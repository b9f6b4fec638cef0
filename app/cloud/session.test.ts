import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { redact } from '../release/redact.ts';
import { forgetSession, savedSession, saveSession } from './session.ts';

class MemoryStorage {
  items = new Map<string, string>();
  getItem = (key: string) => this.items.get(key) ?? null;
  setItem = (key: string, value: string) => void this.items.set(key, value);
  removeItem = (key: string) => void this.items.delete(key);
}

describe('the MotherDuck session', () => {
  let session: MemoryStorage;
  let local: MemoryStorage;
  beforeEach(() => {
    session = new MemoryStorage();
    local = new MemoryStorage();
    vi.stubGlobal('sessionStorage', session);
    vi.stubGlobal('localStorage', local);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('is kept in sessionStorage only, and forgotten on request', () => {
    expect(savedSession()).toBeNull();
    saveSession({ token: 'tok-123', database: 'nrd' });
    expect(savedSession()).toEqual({ token: 'tok-123', database: 'nrd' });
    expect([...local.items.values()].join()).not.toContain('tok-123');
    forgetSession();
    expect(savedSession()).toBeNull();
    expect([...session.items.values()].join()).not.toContain('tok-123');
  });

  it('reads a damaged or partial entry as no session', () => {
    session.setItem('nrd:motherduck', '{not json');
    expect(savedSession()).toBeNull();
    session.setItem('nrd:motherduck', JSON.stringify({ token: '', database: 'nrd' }));
    expect(savedSession()).toBeNull();
  });

  it('redacts the token from any text, every time it occurs', () => {
    expect(redact('Unauthorized token tok-123 (tok-123)', 'tok-123')).toBe('Unauthorized token *** (***)');
    expect(redact('no secret here', '')).toBe('no secret here');
  });
});
