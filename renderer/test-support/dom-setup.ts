/**
 * Set-up for the component tests (vitest's "dom" project). Vitest runs without globals here, so Testing Library
 * cannot register its own clean-up: unmount after each test, and tell React it runs under `act`.
 */
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

afterEach(() => cleanup());
