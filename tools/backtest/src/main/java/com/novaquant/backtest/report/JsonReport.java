package com.novaquant.backtest.report;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A backtest report as JSON and back. Money is written as JSON strings ({@code "1234.50"}): every reader, JavaScript
 * included, gets the exact decimal with its scale instead of a binary double. Fields keep the record's order.
 */
public final class JsonReport {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .withConfigOverride(BigDecimal.class,
                    override -> override.setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING)))
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private JsonReport() {
    }

    /** Indented, for a file a person may open. */
    public static String render(BacktestReport report) {
        return MAPPER.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report);
    }

    /** @throws tools.jackson.core.JacksonException when the text is not a report */
    public static BacktestReport read(String json) {
        return MAPPER.readValue(json, BacktestReport.class);
    }

    /** On one line, for embedding in the HTML page. */
    static String renderCompact(BacktestReport report) {
        return MAPPER.writeValueAsString(report);
    }
}
