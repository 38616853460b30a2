// Runtime: Node (Vitest). Every shape a full quota arrives in is recognised.
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { StorageFullError, isQuotaError, storageWrite } from './errors';

describe('isQuotaError', () => {
  it('recognises the DOMException browsers throw', () => {
    expect(isQuotaError(new DOMException('Quota exceeded', 'QuotaExceededError'))).toBe(true);
  });

  it("recognises Dexie's QuotaExceededError", () => {
    expect(isQuotaError(new Dexie.QuotaExceededError('Quota exceeded'))).toBe(true);
  });

  it('recognises a quota error wrapped as the inner error of an aborted transaction', () => {
    const inner = new DOMException('Quota exceeded', 'QuotaExceededError');
    expect(isQuotaError(new Dexie.AbortError('Transaction aborted', inner))).toBe(true);
  });

  it('recognises a quota error given as the cause', () => {
    expect(isQuotaError(new Error('write failed', { cause: { name: 'QuotaExceededError' } }))).toBe(true);
  });

  it('rejects other errors, non-errors and cycles', () => {
    const cyclic: Record<string, unknown> = { name: 'Error' };
    cyclic.inner = cyclic;
    expect(isQuotaError(new Dexie.ConstraintError('duplicate'))).toBe(false);
    expect(isQuotaError(new Error('QuotaExceededError'))).toBe(false);
    expect(isQuotaError(cyclic)).toBe(false);
    expect(isQuotaError(null)).toBe(false);
    expect(isQuotaError('QuotaExceededError')).toBe(false);
  });
});

describe('storageWrite', () => {
  it('turns a quota error into StorageFullError that keeps the cause', async () => {
    const cause = new Dexie.QuotaExceededError('Quota exceeded');
    const failure = storageWrite(() => Promise.reject(cause));
    await expect(failure).rejects.toBeInstanceOf(StorageFullError);
    await expect(failure).rejects.toMatchObject({ name: 'StorageFullError', cause });
  });

  it('passes other errors and results through', async () => {
    const other = new Dexie.ConstraintError('duplicate');
    await expect(storageWrite(() => Promise.reject(other))).rejects.toBe(other);
    await expect(storageWrite(() => Promise.resolve(7))).resolves.toBe(7);
  });
});
