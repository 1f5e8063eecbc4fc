package com.novaquant.backtest.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;

/**
 * A backtest report as one self-contained HTML page: the tables in the markup, and three charts (equity, funding by
 * symbol, positions) that the page's own script draws as SVG from the report's JSON embedded in the page. Nothing is
 * loaded from anywhere: the page's content security policy allows no request and no script but its own.
 */
public final class HtmlReport {

    private static final String PAGE = ReportResources.text("page.html");
    private static final String STYLE = ReportResources.text("report.css");
    private static final String SCRIPT = ReportResources.text("charts.js");
    /** The policy names the script by its hash, so even markup that slipped through escaping could not run one. */
    private static final String SCRIPT_SOURCE = "'sha256-" + sha256Base64(SCRIPT) + "'";

    private HtmlReport() {
    }

    public static String render(BacktestReport report) {
        return PageTemplate.fill(PAGE, Map.of(
                "title", Html.escape(report.title()),
                "period", Html.escape(ReportFormat.period(report.fromMs(), report.toMs())),
                "scriptSource", SCRIPT_SOURCE,
                "style", STYLE,
                "totals", HtmlTable.render(ReportTables.totalsByFigure(report)),
                "pairs", report.pairs().isEmpty()
                        ? "<p class=\"no-data\">No pair was in the universe.</p>"
                        : HtmlTable.render(ReportTables.pairs(report)),
                "settings", report.settings().isEmpty()
                        ? "<p class=\"no-data\">No settings were recorded.</p>"
                        : HtmlTable.render(ReportTables.settings(report)),
                "data", Html.jsonForScript(JsonReport.renderCompact(report)),
                "script", SCRIPT));
    }

    private static String sha256Base64(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
