import { describe, expect, it } from 'vitest';
import { problemFromStatus } from './sync-errors';

describe('a server answer that is not ok, for the status bar', () => {
  it('names the status, the database and CouchDB’s reason in one sentence', () => {
    const problem = problemFromStatus(503, 'kassa_sales', 'service_unavailable: The sync server is starting; try again in a moment.');
    expect(problem).toEqual({
      kind: 'server_error',
      status: 503,
      message: 'The server answered 503 (database kassa_sales): service_unavailable: The sync server is starting; try again in a moment. Kassa keeps selling and retries.',
    });
    expect(problemFromStatus(500, null, '').message).toBe('The server answered 500. Kassa keeps selling and retries.');
  });

  it('tells a wrong password, a missing role and a store not set up apart', () => {
    expect(problemFromStatus(401, 'kassa_sales', 'x').kind).toBe('wrong_credentials');
    expect(problemFromStatus(403, 'kassa_sales', 'x').kind).toBe('no_access');
    expect(problemFromStatus(404, 'kassa_sales', 'x').kind).toBe('not_set_up');
  });
});
