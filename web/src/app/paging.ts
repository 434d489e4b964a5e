/**
 * A list the server answers page by page (`{ items, nextCursor }`, the cursor passed back as `cursor`):
 * the pages read so far, joined, and the means to read the next one (see LoadMore).
 */
import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from './api';

export function usePages<T>(key: readonly unknown[], path: string, params: string) {
  const pages = useInfiniteQuery({
    queryKey: key,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => {
      const cursor = pageParam ? `${params ? '&' : '?'}cursor=${encodeURIComponent(pageParam)}` : '';
      return api<{ items: T[]; nextCursor: string | null }>(`${path}${params}${cursor}`, { signal });
    },
    getNextPageParam: (last) => last.nextCursor,
    staleTime: 0,
  });
  return { ...pages, data: pages.data?.pages.flatMap((p) => p.items) };
}
