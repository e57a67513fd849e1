/**
 * express-pouchdb validates an upload one document at a time (pouchdb-validation), and for every document it reads
 * the database's design documents afresh to find the validate_doc_update functions: an upload of 1,000 sales read
 * them 1,000 times, all in the same moment. Reads of the design documents that ask while one is under way share
 * its answer, so an upload reads them once. Every document is still checked by every function; a read that starts
 * after the shared one has finished reads again, so a changed design document applies from the next upload on.
 */

/** The query pouchdb-validation makes for the functions (`getValidationFunctions`). */
const DESIGN_RANGE = { startkey: '_design/', endkey: '_design0', include_docs: true } as const;

interface AllDocsTarget {
  allDocs(...args: unknown[]): unknown;
}

function isDesignRange(options: unknown): boolean {
  if (!options || typeof options !== 'object') return false;
  const keys = Object.keys(options);
  return (
    keys.length === Object.keys(DESIGN_RANGE).length &&
    keys.every((key) => (options as Record<string, unknown>)[key] === DESIGN_RANGE[key as keyof typeof DESIGN_RANGE])
  );
}

/** Wraps one database handle's allDocs (an express-pouchdb db wrapper). */
export function shareDesignDocReads(db: AllDocsTarget): void {
  const allDocs = db.allDocs;
  let inFlight: Promise<unknown> | null = null;
  db.allDocs = function (this: unknown, ...args: unknown[]) {
    // Only the promise form of exactly that query is shared; callbacks and every other query go through as asked.
    if (args.length !== 1 || !isDesignRange(args[0])) return allDocs.apply(this, args);
    if (!inFlight) {
      const read = Promise.resolve(allDocs.call(this, { ...DESIGN_RANGE }));
      inFlight = read;
      const clear = () => {
        if (inFlight === read) inFlight = null;
      };
      read.then(clear, clear);
    }
    return inFlight;
  };
}
