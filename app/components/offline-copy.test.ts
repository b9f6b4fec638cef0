import { describe, expect, it } from 'vitest';
import { copiesByItself } from './offline-copy.tsx';

const MB = 1e6;
const ROOMY = { quota: 10_000 * MB, usage: 100 * MB };

describe('copiesByItself', () => {
  it('copies on a connection that says nothing against it, or where the browser has no connection or storage API', () => {
    expect(copiesByItself(null, undefined, undefined, 33 * MB)).toBe(true);
    expect(copiesByItself(null, { type: 'wifi', effectiveType: '4g' }, ROOMY, 33 * MB)).toBe(true);
  });

  it('waits for a click when the visitor said no, asks to save data, or is on cellular or a slow link', () => {
    expect(copiesByItself('off', undefined, ROOMY, 33 * MB)).toBe(false);
    expect(copiesByItself(null, { saveData: true }, ROOMY, 33 * MB)).toBe(false);
    expect(copiesByItself(null, { type: 'cellular', effectiveType: '4g' }, ROOMY, 33 * MB)).toBe(false);
    expect(copiesByItself(null, { effectiveType: '3g' }, ROOMY, 33 * MB)).toBe(false);
    expect(copiesByItself(null, { effectiveType: 'slow-2g' }, ROOMY, 33 * MB)).toBe(false);
  });

  it('waits for a click on a phone or tablet, whose connection may say nothing of its cost', () => {
    expect(copiesByItself(null, undefined, ROOMY, 33 * MB, true)).toBe(false);
    expect(copiesByItself(null, { type: 'wifi', effectiveType: '4g' }, ROOMY, 33 * MB, true)).toBe(false);
  });

  it('waits for a click without room for two copies (a new release is copied beside the old)', () => {
    expect(copiesByItself(null, undefined, { quota: 100 * MB, usage: 40 * MB }, 33 * MB)).toBe(false);
    expect(copiesByItself(null, undefined, { quota: 100 * MB, usage: 30 * MB }, 33 * MB)).toBe(true);
  });
});
