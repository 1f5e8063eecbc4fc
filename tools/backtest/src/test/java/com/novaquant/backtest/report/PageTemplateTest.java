package com.novaquant.backtest.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PageTemplateTest {

    @Test
    void aValueThatLooksLikeASlotIsCopiedNotFilled() {
        String page = PageTemplate.fill("<h1>{{title}}</h1>{{script}}",
                Map.of("title", "{{script}} $1 \\", "script", "<script></script>"));

        assertThat(page).isEqualTo("<h1>{{script}} $1 \\</h1><script></script>");
    }

    @Test
    void aSlotWithoutAValueIsAnError() {
        assertThatThrownBy(() -> PageTemplate.fill("{{title}}{{missing}}", Map.of("title", "t")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("{{missing}}");
    }
}
