package com.novaquant.alert.adapter.telegram;

import com.novaquant.alert.domain.AlertGroup;
import com.novaquant.alert.domain.Delivery;
import com.novaquant.alert.domain.PendingAlert;
import com.novaquant.alert.domain.UniverseChange;
import com.novaquant.alert.domain.UniverseText;
import com.novaquant.events.Alert;
import com.novaquant.events.Severity;
import com.novaquant.events.UniverseSelection;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TelegramHtmlTest {

    @Test
    void alertTextIsEscapedSoItCannotBreakOrInjectMarkup() {
        assertThat(TelegramHtml.escape("<b>a & b</b>")).isEqualTo("&lt;b&gt;a &amp; b&lt;/b&gt;");
        Delivery delivery = delivery(Severity.WARNING, List.of(group("<script>&", 1)));
        TelegramHtml.Rendered rendered = TelegramHtml.render(delivery).getFirst();
        assertThat(rendered.html()).contains("&lt;script&gt;&amp;").doesNotContain("<script>");
        assertThat(rendered.plain()).contains("<script>&").doesNotContain("<b>");
    }

    @Test
    void aUniverseChangeNamingASymbolWithMarkupIsEscapedInTheDigest() {
        UniverseSelection universe = new UniverseSelection(3, 0, 0,
                List.of(new UniverseSelection.Member("<b>PWN</b>USDT", new BigDecimal("100"), 0.2, 8, "SHARE")),
                List.of("<b>PWN</b>USDT"), List.of(new UniverseSelection.Departure("A&BUSDT", "<i>OUTRANKED")));
        String text = new UniverseText(0).changeMessage(new UniverseChange(null, universe));
        AlertGroup group = new AlertGroup(Severity.INFO, "UNIVERSE_CHANGED:r3", List.of(new PendingAlert(1,
                new Alert(Severity.INFO, "alert-service", "UNIVERSE_CHANGED", text, "UNIVERSE_CHANGED:r3", 0))));

        String html = TelegramHtml.render(new Delivery("D1", Delivery.Kind.DIGEST, Severity.INFO, List.of(group), true))
                .getFirst().html();

        assertThat(html).contains("&lt;b&gt;PWN&lt;/b&gt;USDT (budget 100, net carry 20.0%)")
                .contains("A&amp;BUSDT (&lt;i&gt;OUTRANKED)").doesNotContain("<b>PWN").doesNotContain("<i>OUTRANKED");
    }

    @Test
    void aLongDeliveryIsSplitBelowTelegramsLimitWithoutLosingAnyAlert() {
        List<AlertGroup> groups = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            groups.add(group("x".repeat(1400) + " marker-" + i, i));
        }
        List<TelegramHtml.Rendered> parts = TelegramHtml.render(delivery(Severity.CRITICAL, groups));
        assertThat(parts.size()).isGreaterThan(1);
        assertThat(parts).allSatisfy(p -> assertThat(p.html().length()).isLessThan(4096));
        String all = String.join("", parts.stream().map(TelegramHtml.Rendered::html).toList());
        for (int i = 0; i < 10; i++) {
            assertThat(all).contains("marker-" + i);
        }
    }

    private static Delivery delivery(Severity severity, List<AlertGroup> groups) {
        return new Delivery("A1", Delivery.Kind.ALERT, severity, groups, false);
    }

    private static AlertGroup group(String text, long id) {
        return new AlertGroup(Severity.WARNING, "k" + id,
                List.of(new PendingAlert(id, new Alert(Severity.WARNING, "src", "CODE", text, "k" + id, 0))));
    }
}
