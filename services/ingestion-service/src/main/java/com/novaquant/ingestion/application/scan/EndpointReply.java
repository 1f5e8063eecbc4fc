package com.novaquant.ingestion.application.scan;

import java.util.List;

/**
 * One endpoint's answer.
 *
 * @param rows           the rows that name a symbol
 * @param unreadableRows rows that could not even be attributed to a symbol (not an object, no symbol)
 * @param usedWeight     the venue's {@code X-MBX-USED-WEIGHT-1M} after this call, or -1 when the answer had none
 */
public record EndpointReply<T>(List<T> rows, int unreadableRows, int usedWeight) {

    public EndpointReply {
        rows = List.copyOf(rows);
    }
}
