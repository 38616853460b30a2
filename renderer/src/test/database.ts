// Runtime: Node (Vitest, happy-dom). A fresh, uniquely named database per test, on fake-indexeddb.
import { AttacheDatabase } from '../db/database';

let counter = 0;

export function uniqueDatabaseName(): string {
  counter += 1;
  return `attache-test-${counter}-${Math.random().toString(36).slice(2)}`;
}

export function createTestDatabase(): AttacheDatabase {
  return new AttacheDatabase(uniqueDatabaseName());
}
