/** A list query's states and the data table it is shown in, the same on every page. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Empty, ErrorBox, Loading } from './feedback';

/** A header cell: its label ('' for an unlabelled column, e.g. of actions), or the label with a class such as "num". */
export type Column = string | { label: string; className?: string };

/**
 * Loading while pending, the error, `empty` when there are no rows (without it the children get the empty list), else
 * `children(rows)`.
 */
export function QueryList<T>({
  query,
  empty,
  children,
}: {
  query: { isPending: boolean; isError: boolean; error: unknown; data: T[] | undefined };
  empty?: ReactNode;
  children: (rows: T[]) => ReactNode;
}) {
  return (
    <>
      {query.isPending && <Loading />}
      {query.isError && <ErrorBox error={query.error} />}
      {query.data && (query.data.length === 0 && empty !== undefined ? <Empty>{empty}</Empty> : children(query.data))}
    </>
  );
}

/** A scrollable `table.data` with one `th scope="col"` per column; the children are its body rows. */
export function DataTable({ testId, columns, children }: { testId?: string; columns: Column[]; children: ReactNode }) {
  return (
    <div className="table-wrap">
      <table className="data" data-testid={testId}>
        <thead>
          <tr>
            {columns.map((c, i) => {
              const { label, className } = typeof c === 'string' ? { label: c, className: undefined } : c;
              return (
                <th key={i} scope="col" className={className}>
                  {label}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** "Load more" under a paged list (see usePages); nothing once the last page is in. */
export function LoadMore({
  pages,
}: {
  pages: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };
}) {
  const { t } = useTranslation();
  if (!pages.hasNextPage) return null;
  return (
    <p>
      <button
        type="button"
        className="button-secondary"
        disabled={pages.isFetchingNextPage}
        onClick={() => void pages.fetchNextPage()}
        data-testid="load-more"
      >
        {pages.isFetchingNextPage ? t('common.loading') : t('common.loadMore')}
      </button>
    </p>
  );
}
