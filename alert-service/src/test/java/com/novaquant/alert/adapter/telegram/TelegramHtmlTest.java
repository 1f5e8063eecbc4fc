package com.novaquant.alert.adapter.telegram;

import com.novaquant.alert.domain.AlertGroup;
import com.novaquant.alert.domain.Delivery;
import com.novaquant.alert.domain.PendingAlert;
import com.novaquant.events.Alert;
import com.novaquant.events.Severity;
import org.junit.jupiter.api.Test;

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
