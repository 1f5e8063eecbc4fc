package com.novaquant.backtest.report;

import java.util.List;

/** A {@link Table} as an HTML table; figures right-aligned, negative amounts marked for colouring. */
final class HtmlTable {

    private HtmlTable() {
    }

    static String render(Table table) {
        StringBuilder out = new StringBuilder("<div class=\"table-scroll\"><table>\n<thead><tr>");
        for (int column = 0; column < table.headers().size(); column++) {
            out.append("<th").append(cellClass(table, column, "")).append('>')
                    .append(Html.escape(table.headers().get(column))).append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : table.rows()) {
            out.append("<tr>");
            for (int column = 0; column < row.size(); column++) {
                String cell = row.get(column);
                out.append("<td").append(cellClass(table, column, cell)).append('>')
                        .append(Html.escape(cell)).append("</td>");
            }
            out.append("</tr>\n");
        }
        return out.append("</tbody>\n</table></div>").toString();
    }

    private static String cellClass(Table table, int column, String cell) {
        if (!table.numeric().get(column)) {
            return "";
        }
        return cell.startsWith("-") ? " class=\"num negative\"" : " class=\"num\"";
    }
}
