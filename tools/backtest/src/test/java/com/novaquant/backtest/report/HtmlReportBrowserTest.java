package com.novaquant.backtest.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.novaquant.backtest.report.DumpedDom.Element;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report in a real browser: headless Chromium opens the page from a file, runs its script, and prints the
 * DOM it ends with; the tests read the charts' SVG back from that DOM.
 */
class HtmlReportBrowserTest {

    private static final List<String> SYMBOLS = List.of("BTCUSDT", "ETHUSDT", "SOLUSDT", "DOGEUSDT");
    private static final int POINTS = 300;
    private static final List<String> CHART_IDS = List.of("chart-equity", "chart-funding", "chart-positions");
    private static final Pattern PATH_POINT = Pattern.compile("[ML](-?[0-9.]+),(-?[0-9.]+)");

    /** The report with a curve, opened once: Chromium takes a few seconds a page. */
    private static Element fullReport;

    @TempDir
    Path dir;

    @BeforeAll
    static void openTheFullReport(@TempDir Path fullReportDir) throws Exception {
        fullReport = load(fullReportDir, HtmlReport.render(SampleReports.withCurve(SYMBOLS, POINTS)));
    }

    @Test
    void theEquityCurveIsALineThroughEveryPointOverDatedAxes() throws Exception {
        Element equity = chart(fullReport, "chart-equity");

        assertDrawn(equity, POINTS);
        List<Element> lines = equity.all("path", "equity-line");
        assertThat(lines).hasSize(1);
        List<double[]> points = pathPoints(lines.getFirst());
        assertThat(points).hasSize(POINTS);
        for (int i = 1; i < points.size(); i++) {
            assertThat(points.get(i)[0]).as("x of point %d", i).isGreaterThan(points.get(i - 1)[0]);
        }
        assertThat(points.stream().mapToDouble(point -> point[1]).distinct().count()).isGreaterThan(10);
        assertThat(tickLabels(equity)).anyMatch(label -> label.matches("2024-01-\\d\\d"))
                .anyMatch(label -> label.matches("10,\\d{3}"));
        assertThat(equity.text()).contains("Equity (USDT)", "Date (UTC)");
    }

    @Test
    void theFundingChartHasOneBarPerSymbolWithLossesBelowZero() throws Exception {
        Element funding = chart(fullReport, "chart-funding");

        assertDrawn(funding, SYMBOLS.size());
        List<Element> bars = funding.all("rect", "bar");
        assertThat(bars).extracting(bar -> bar.attribute("data-symbol")).containsExactlyInAnyOrderElementsOf(SYMBOLS);
        assertThat(bars).allSatisfy(bar -> {
            assertThat(number(bar, "width")).isPositive();
            assertThat(number(bar, "height")).isPositive();
        });
        // withCurve gives the second symbol a funding loss: its bar hangs from the zero line the others stand on
        Element loss = bar(bars, "ETHUSDT");
        Element gain = bar(bars, "BTCUSDT");
        assertThat(loss.hasClass("negative")).isTrue();
        assertThat(gain.hasClass("positive")).isTrue();
        assertThat(number(loss, "y")).isCloseTo(number(gain, "y") + number(gain, "height"), within(0.2));
        assertThat(tickLabels(funding)).containsAll(SYMBOLS);
        assertThat(funding.text()).contains("Funding captured (USDT)", "Symbol");
    }

    @Test
    void thePositionsChartHasOneLinePerSymbolAndALegend() throws Exception {
        Element positions = chart(fullReport, "chart-positions");

        assertDrawn(positions, SYMBOLS.size());
        List<Element> lines = positions.all("path", "position-line");
        assertThat(lines).extracting(line -> line.attribute("data-symbol"))
                .containsExactlyInAnyOrderElementsOf(SYMBOLS);
        assertThat(lines).allSatisfy(line -> assertThat(pathPoints(line)).hasSize(POINTS));
        assertThat(lines).extracting(line -> line.attribute("stroke")).doesNotHaveDuplicates();
        assertThat(positions.descendants().filter(e -> e.name().equals("li")).map(Element::text))
                .containsExactlyInAnyOrderElementsOf(SYMBOLS);
        assertThat(positions.text()).contains("Notional held (USDT)", "Date (UTC)");
    }

    @Test
    void noChartReportsAnErrorOnAFullReport() throws Exception {
        assertThat(fullReport.withClass("chart-error")).isEmpty();
        assertThat(fullReport.withClass("chart-pending")).isEmpty();
    }

    @Test
    void aReportWithoutPairsShowsANoDataNoteInEachChart() throws Exception {
        Element page = load(dir, HtmlReport.render(SampleReports.withoutPairs()));

        for (String id : CHART_IDS) {
            Element chart = chart(page, id);
            assertThat(chart.attribute("data-rendered")).as(id).isEqualTo("true");
            assertThat(chart.attribute("data-marks")).as(id).isEqualTo("0");
            assertThat(chart.withClass("no-data")).as(id).singleElement()
                    .satisfies(note -> assertThat(note.text()).startsWith("No data"));
            assertThat(chart.descendants().filter(e -> e.name().equals("svg"))).as(id).isEmpty();
        }
        assertThat(page.withClass("chart-error")).isEmpty();
    }

    @Test
    void dataTheScriptCannotReadShowsAnErrorInEachChart() throws Exception {
        String html = HtmlReport.render(SampleReports.small());
        String broken = html.replace("<script type=\"application/json\" id=\"report-data\">{",
                "<script type=\"application/json\" id=\"report-data\">{broken ");
        assertThat(broken).isNotEqualTo(html);

        Element page = load(dir, broken);

        for (String id : CHART_IDS) {
            Element chart = chart(page, id);
            assertThat(chart.attribute("data-rendered")).as(id).isEqualTo("error");
            assertThat(chart.withClass("chart-error")).as(id).singleElement()
                    .satisfies(error -> assertThat(error.text()).contains("could not be drawn"));
        }
    }

    private static Element load(Path dir, String html) throws Exception {
        Path page = Files.writeString(dir.resolve("report.html"), html);
        return DumpedDom.parse(HeadlessChromium.dumpDom(page));
    }

    private static Element chart(Element page, String id) {
        return page.byId(id).orElseThrow(() -> new AssertionError("no element with id " + id));
    }

    private static void assertDrawn(Element chart, int marks) {
        assertThat(chart.attribute("data-rendered")).isEqualTo("true");
        assertThat(Integer.parseInt(chart.attribute("data-marks"))).isPositive().isEqualTo(marks);
    }

    private static List<String> tickLabels(Element chart) {
        return chart.all("text", "tick-label").stream().map(Element::text).toList();
    }

    private static Element bar(List<Element> bars, String symbol) {
        return bars.stream().filter(bar -> symbol.equals(bar.attribute("data-symbol"))).findFirst().orElseThrow();
    }

    private static double number(Element element, String attribute) {
        return Double.parseDouble(element.attribute(attribute));
    }

    private static List<double[]> pathPoints(Element path) {
        Matcher point = PATH_POINT.matcher(path.attribute("d"));
        List<double[]> points = new ArrayList<>();
        while (point.find()) {
            points.add(new double[] {Double.parseDouble(point.group(1)), Double.parseDouble(point.group(2))});
        }
        return points;
    }
}
