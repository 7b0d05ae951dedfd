package io.nexusconnect.adapterkit.paging;

/** Fetches one page: the adapter's marketplace call plus reading its answer into a {@link Page}. */
@FunctionalInterface
public interface PageSource<T> {
    Page<T> fetch(PageRequest request);
}
