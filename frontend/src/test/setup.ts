import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// Debounced search and domain checks, on a loaded 2-core CI machine: allow more than the 1 s default.
configure({ asyncUtilTimeout: 10000 });

afterEach(() => {
  cleanup();
  localStorage.clear();
  window.history.replaceState(null, '', '/');
});
