// Runtime: Node (Vitest). Platform facts as a person reads them.
import { describe, expect, it } from 'vitest';
import { engineSummary, formatDate, osName } from './format';

describe('format', () => {
  it('names operating systems', () => {
    expect(osName('darwin')).toBe('macOS');
    expect(osName('win32')).toBe('Windows');
    expect(osName('linux')).toBe('Linux');
    expect(osName('Linux x86_64')).toBe('Linux x86_64');
  });

  it('summarises engine versions in order, or nothing', () => {
    expect(engineSummary({ electron: '45.4.1', chrome: '140.0', node: '22.19.0' })).toBe('Electron 45.4.1 · Chrome 140.0 · Node.js 22.19.0');
    expect(engineSummary({ Chromium: '156' })).toBe('Chromium 156');
    expect(engineSummary({})).toBe('');
  });

  it('writes dates in the UI language', () => {
    const date = Date.UTC(2026, 10, 21, 12);
    expect(formatDate(date, 'en')).toBe('November 21, 2026');
    expect(formatDate(date, 'ru')).toBe('21 ноября 2026 г.');
  });
});
