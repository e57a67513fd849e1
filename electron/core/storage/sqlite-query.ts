/**
 * Runs RxDB's prepared queries on SQLite. RxDB's query planner picks the index and its key range; that range
 * becomes an SQL range scan over the index column, and what the index does not settle (other selector fields,
 * a sort that is not the index order) is finished in JavaScript with RxDB's own matcher and comparator, so the
 * results are the ones every other RxStorage gives.
 */
import {
  getQueryMatcher,
  getSortComparator,
  getStartIndexStringFromLowerBound,
  getStartIndexStringFromUpperBound,
} from 'rxdb';
import type { PreparedQuery, RxDocumentData, RxJsonSchema, RxStorageCountResult } from 'rxdb';
import { toSortableText } from './sortable-text';
import type { TableStatements } from './sqlite-statements';
import { indexKey } from './sqlite-table';
import type { IndexColumn, TableLayout } from './sqlite-table';

export interface QueryTarget<RxDocType> {
  readonly schema: RxJsonSchema<RxDocumentData<RxDocType>>;
  readonly layout: TableLayout<RxDocType>;
  readonly statements: TableStatements<RxDocType>;
}

interface IndexRange<RxDocType> {
  readonly column: IndexColumn<RxDocType>;
  readonly lower: string;
  readonly upper: string;
  readonly inclusiveStart: boolean;
  readonly inclusiveEnd: boolean;
}

/** SQLite's "no limit". */
const NO_LIMIT = -1;

export function queryDocuments<RxDocType>(
  target: QueryTarget<RxDocType>,
  prepared: PreparedQuery<RxDocType>,
): RxDocumentData<RxDocType>[] {
  const { query, queryPlan } = prepared;
  const range = indexRangeOf(target, prepared);
  const skip = query.skip ?? 0;
  // typeof, not truthiness: `limit: 0` is a real limit.
  const limit = typeof query.limit === 'number' ? query.limit : Infinity;
  const mustSort = !queryPlan.sortSatisfiedByIndex;

  if (queryPlan.selectorSatisfiedByIndex && !mustSort) {
    // The index settles both the selector and the order: SQLite does skip and limit too.
    const page = target.statements.range(range.column, range.inclusiveStart, range.inclusiveEnd, 'page');
    const docs = page.all(range.lower, range.upper, limit === Infinity ? NO_LIMIT : limit, skip) as string[];
    return docs.map(parseDoc<RxDocType>);
  }

  const matches = queryPlan.selectorSatisfiedByIndex ? undefined : getQueryMatcher(target.schema, query);
  const rows = target.statements.range(range.column, range.inclusiveStart, range.inclusiveEnd, 'rows');
  const wanted = skip + limit;
  let found: RxDocumentData<RxDocType>[] = [];
  for (const json of rows.iterate(range.lower, range.upper) as IterableIterator<string>) {
    const doc = parseDoc<RxDocType>(json);
    if (matches && !matches(doc)) continue;
    found.push(doc);
    // In index order the first skip+limit matches are the answer; leaving the loop ends the SQLite scan.
    if (!mustSort && found.length >= wanted) break;
  }
  if (mustSort) found = found.sort(getSortComparator(target.schema, query));
  return skip > 0 || found.length > wanted ? found.slice(skip, wanted) : found;
}

/**
 * Counts what queryDocuments() would return, skip and limit included. 'fast' when SQLite counts the index range
 * itself; 'slow' when every document in the range has to be read and matched (RxDB then wants `allowSlowCount`).
 */
export function countDocuments<RxDocType>(
  target: QueryTarget<RxDocType>,
  prepared: PreparedQuery<RxDocType>,
): RxStorageCountResult {
  const { query, queryPlan } = prepared;
  const range = indexRangeOf(target, prepared);
  let count = 0;
  if (queryPlan.selectorSatisfiedByIndex) {
    const counter = target.statements.range(range.column, range.inclusiveStart, range.inclusiveEnd, 'count');
    count = counter.get(range.lower, range.upper) as number;
  } else {
    const matches = getQueryMatcher(target.schema, query);
    const rows = target.statements.range(range.column, range.inclusiveStart, range.inclusiveEnd, 'rows');
    for (const json of rows.iterate(range.lower, range.upper) as IterableIterator<string>) {
      if (matches(parseDoc<RxDocType>(json))) count++;
    }
  }
  const skip = query.skip ?? 0;
  const limit = typeof query.limit === 'number' ? query.limit : Infinity;
  return {
    count: Math.max(0, Math.min(count - skip, limit)),
    mode: queryPlan.selectorSatisfiedByIndex ? 'fast' : 'slow',
  };
}

export function parseDoc<RxDocType>(json: string): RxDocumentData<RxDocType> {
  return JSON.parse(json) as RxDocumentData<RxDocType>;
}

function indexRangeOf<RxDocType>(
  target: QueryTarget<RxDocType>,
  prepared: PreparedQuery<RxDocType>,
): IndexRange<RxDocType> {
  const plan = prepared.queryPlan;
  const column = target.layout.columns.find((c) => indexKey(c.fields) === indexKey(plan.index));
  if (!column) {
    throw new Error(
      `SQLite storage: no index [${plan.index.join(', ')}] in ${target.layout.tableName}.` +
        ' A query may only name an index that the collection schema declares.',
    );
  }
  return {
    column,
    lower: toSortableText(getStartIndexStringFromLowerBound(target.schema, plan.index, plan.startKeys)),
    upper: toSortableText(getStartIndexStringFromUpperBound(target.schema, plan.index, plan.endKeys)),
    inclusiveStart: plan.inclusiveStart,
    inclusiveEnd: plan.inclusiveEnd,
  };
}
