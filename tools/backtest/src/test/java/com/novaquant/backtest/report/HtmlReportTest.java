package com.novaquant.backtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.novaquant.backtest.report.BacktestReport.PairResult;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The page's markup as text; {@link HtmlReportBrowserTest} runs it in a browser. */
class HtmlReportTest {

    private static final String HOSTILE = "Q1 </script><script>alert(1)</script> & <!-- \"quoted\"";
    private static final Pattern SCRIPT_ELEMENT = Pattern.compile("<script([^>]*)>(.*?)</script>", Pattern.DOTALL);

    @Test
    void thePageReferencesNothingOnTheNetwork() {
        String html = HtmlReport.render(SampleReports.withCurve(List.of("BTCUSDT", "ETHUSDT"), 50));

        assertThat(html).doesNotContainPattern("(?i)\\b(src|href|srcset|action|poster|xlink:href)\\s*=");
        assertThat(html).doesNotContainPattern("(?i)url\\s*\\(|@import");
        // The one address in the page is the SVG namespace's name, which the script passes to createElementNS.
        assertThat(addresses(html)).containsOnly("http://www.w3.org/2000/svg");
        assertThat(html).contains("default-src 'none'");
    }

    @Test
    void aTitleWithScriptTagsStaysTextInTheMarkupAndInTheEmbeddedData() {
        BacktestReport report = SampleReports.small(HOSTILE);

        String html = HtmlReport.render(report);

        assertThat(html).doesNotContain("<script>alert(1)").doesNotContain("<!-- \"quoted\"");
        assertThat(html).contains("<title>Q1 &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;!-- "
                + "&quot;quoted&quot;</title>");
        assertThat(html).contains("<h1>Q1 &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp;");
        List<String> scripts = scriptBodies(html);
        assertThat(scripts).hasSize(2);
        assertThat(scripts.getFirst()).contains("\\u003c/script\\u003e\\u003cscript\\u003ealert(1)");
        assertThat(JsonReport.read(scripts.getFirst())).isEqualTo(report);
    }

    @Test
    void aSymbolWithMarkupIsEscapedInThePairsTable() {
        BacktestReport small = SampleReports.small();
        List<PairResult> pairs = new ArrayList<>(small.pairs());
        pairs.add(new PairResult("<img src=x onerror=alert(1)>", 1, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ZERO,
                BigDecimal.TWO, 0.0, 0.0, BigDecimal.TEN, 0.1));
        BacktestReport report = new BacktestReport(small.title(), small.fromMs(), small.toMs(), small.settings(),
                small.totals(), pairs, small.equity(), small.positions());

        String html = HtmlReport.render(report);

        assertThat(html).doesNotContain("<img").contains("<td>&lt;img src=x onerror=alert(1)&gt;</td>");
    }

    @Test
    void thePolicyAllowsExactlyThePagesOwnScript() throws Exception {
        String html = HtmlReport.render(SampleReports.small());
        String script = scriptBodies(html).getLast();
        String hash = Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8)));

        assertThat(html).contains("script-src 'sha256-" + hash + "';");
        assertThat(script).contains("chart-equity");
    }

    @Test
    void theTablesAndTheThreeChartContainersAreInThePage() {
        String html = HtmlReport.render(SampleReports.small());

        assertThat(html).contains("id=\"chart-equity\"", "id=\"chart-funding\"", "id=\"chart-positions\"");
        assertThat(html).contains("<tr><td>Net PnL</td><td class=\"num\">523.46</td></tr>");
        assertThat(html).contains("<tr><td>Fees</td><td class=\"num negative\">-64.32</td></tr>");
        assertThat(html).contains("<td>BTCUSDT</td><td class=\"num\">428.35</td>");
        assertThat(html).contains("<td class=\"num negative\">-5.01</td>");
        assertThat(html.indexOf("<td>BTCUSDT</td>")).isLessThan(html.indexOf("<td>ETHUSDT</td>"));
        assertThat(html).contains("2024-01-01 00:00 to 2024-04-01 00:00 UTC (91 days)");
    }

    private static List<String> addresses(String html) {
        Matcher address = Pattern.compile("(?i)https?://[^\\s\"'<>)]+").matcher(html);
        List<String> found = new ArrayList<>();
        while (address.find()) {
            found.add(address.group());
        }
        return found;
    }

    private static List<String> scriptBodies(String html) {
        Matcher script = SCRIPT_ELEMENT.matcher(html);
        List<String> bodies = new ArrayList<>();
        while (script.find()) {
            bodies.add(script.group(2));
        }
        return bodies;
    }
}
