// Runtime: Node (Vitest, happy-dom). Every DOM test starts on Home with a clean document; databases
// live in fake-indexeddb, in memory.
import 'fake-indexeddb/auto';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';

beforeEach(() => {
  window.location.hash = '';
});

afterEach(() => {
  cleanup();
  document.documentElement.removeAttribute('data-mantine-color-scheme');
  document.documentElement.lang = '';
  document.title = '';
});
