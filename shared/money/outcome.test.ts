import { describe, expect, it } from 'vitest';
import { TillError } from '../api/errors';
import { attempt, orThrow, refuse } from './outcome';

describe('outcome', () => {
  it('turns TillErrors into values and lets bugs through', () => {
    const refused = attempt(() => {
      throw new TillError('BAD_INPUT', 'No.');
    });
    expect(refused.ok).toBe(false);
    expect(() =>
      attempt(() => {
        throw new TypeError('bug');
      }),
    ).toThrow(TypeError);
    expect(attempt(() => 3)).toEqual({ ok: true, value: 3 });
  });

  it('orThrow hands the TillError to the dispatcher', () => {
    expect(() => orThrow(refuse('Too much.'))).toThrow(new TillError('BAD_INPUT', 'Too much.'));
    expect(orThrow({ ok: true, value: 'x' })).toBe('x');
  });
});
