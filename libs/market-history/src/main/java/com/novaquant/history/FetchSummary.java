package com.novaquant.history;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a {@link BulkFetcher} run did, file by file (relative zip paths, sorted).
 *
 * @param fetched        downloaded and verified against their checksum
 * @param alreadyPresent there already, verified by the checksum beside them: nothing downloaded
 * @param missing        not published (HTTP 404): a symbol listed later has no file for the months before
 * @param failed         not mirrored, with the reason (checksum mismatch, an HTTP error, a timeout); nothing was
 *                       written for them
 */
public record FetchSummary(List<String> fetched, List<String> alreadyPresent, List<String> missing,
                           SortedMap<String, String> failed) {

    public FetchSummary {
        fetched = List.copyOf(fetched);
        alreadyPresent = List.copyOf(alreadyPresent);
        missing = List.copyOf(missing);
        failed = Collections.unmodifiableSortedMap(new TreeMap<>(failed));
    }

    /** Whether every file is either mirrored or known not to be published. */
    public boolean complete() {
        return failed.isEmpty();
    }
}
