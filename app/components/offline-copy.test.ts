import { describe, expect, it } from 'vitest';
import { copiesByItself } from './offline-copy.tsx';

describe('copiesByItself', () => {
  it('copies on a connection that says nothing against it, or where the browser has no connection API', () => {
    expect(copiesByItself(null, undefined)).toBe(true);
    expect(copiesByItself(null, { type: 'wifi', effectiveType: '4g' })).toBe(true);
  });

  it('waits for a click when the visitor said no, asks to save data, or is on cellular or a slow link', () => {
    expect(copiesByItself('off', undefined)).toBe(false);
    expect(copiesByItself(null, { saveData: true })).toBe(false);
    expect(copiesByItself(null, { type: 'cellular', effectiveType: '4g' })).toBe(false);
    expect(copiesByItself(null, { effectiveType: '3g' })).toBe(false);
    expect(copiesByItself(null, { effectiveType: 'slow-2g' })).toBe(false);
  });
});
