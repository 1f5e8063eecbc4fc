package com.novaquant.backtest.report;

import java.util.List;

/**
 * A table of already formatted cells, before it becomes Markdown or HTML.
 *
 * @param headers the column headers
 * @param numeric per column, whether it holds figures (right-aligned)
 * @param rows    the cells, one list per row, as many as there are headers
 */
record Table(List<String> headers, List<Boolean> numeric, List<List<String>> rows) {

    Table {
        int columns = headers.size();
        if (numeric.size() != columns || rows.stream().anyMatch(row -> row.size() != columns)) {
            throw new IllegalArgumentException("every row and the alignments need one entry per header");
        }
        headers = List.copyOf(headers);
        numeric = List.copyOf(numeric);
        rows = rows.stream().map(List::copyOf).toList();
    }
}
