package com.novaquant.simulator.domain.market;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LeverageBracketsTest {

    @Test
    void btcusdtBracketsChainTheirCapsAndCarryTheCumulativeMaintenanceAmount() {
        List<LeverageBrackets.Bracket> brackets = LeverageBrackets.of("BTCUSDT");

        assertThat(brackets).hasSize(10);
        assertThat(brackets.getFirst().initialLeverage()).isEqualTo(125);
        assertThat(brackets.getFirst().notionalCap()).isEqualByComparingTo("50000");
        assertThat(brackets.getFirst().maintMarginRatio()).isEqualByComparingTo("0.004");
        assertThat(brackets.get(1).cum()).isEqualByComparingTo("50");
        assertThat(brackets.get(2).cum()).isEqualByComparingTo("2550");
        assertThat(brackets.getLast().cum()).isEqualByComparingTo("202872550");
        for (int i = 1; i < brackets.size(); i++) {
            assertThat(brackets.get(i).notionalFloor()).isEqualByComparingTo(brackets.get(i - 1).notionalCap());
            assertThat(brackets.get(i).initialLeverage()).isLessThan(brackets.get(i - 1).initialLeverage());
        }
    }

    @Test
    void maintenanceIsContinuousAtEachBracketBoundary() {
        for (String symbol : List.of("BTCUSDT", "ETHUSDT", "SOLUSDT")) {
            List<LeverageBrackets.Bracket> brackets = LeverageBrackets.of(symbol);
            for (int i = 1; i < brackets.size(); i++) {
                LeverageBrackets.Bracket below = brackets.get(i - 1);
                LeverageBrackets.Bracket above = brackets.get(i);
                BigDecimal edge = above.notionalFloor();
                assertThat(edge.multiply(below.maintMarginRatio()).subtract(below.cum()))
                        .isEqualByComparingTo(edge.multiply(above.maintMarginRatio()).subtract(above.cum()));
            }
        }
    }

    @Test
    void maxLeverageAndMaxNotionalComeFromTheBrackets() {
        assertThat(LeverageBrackets.maxLeverage("BTCUSDT")).isEqualTo(125);
        assertThat(LeverageBrackets.maxLeverage("SOLUSDT")).isEqualTo(50);
        assertThat(LeverageBrackets.maxNotional("BTCUSDT", 125)).isEqualByComparingTo("50000");
        assertThat(LeverageBrackets.maxNotional("BTCUSDT", 20)).isEqualByComparingTo("50000000");
        assertThat(LeverageBrackets.maxNotional("BTCUSDT", 1)).isEqualByComparingTo("800000000");
    }
}
