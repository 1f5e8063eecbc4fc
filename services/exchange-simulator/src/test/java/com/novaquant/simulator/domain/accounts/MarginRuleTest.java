package com.novaquant.simulator.domain.accounts;

import com.novaquant.simulator.domain.market.Venue;
import com.novaquant.simulator.domain.matching.OrderType;
import com.novaquant.simulator.domain.matching.Side;
import com.novaquant.simulator.domain.matching.TimeInForce;
import com.novaquant.simulator.domain.orders.Order;
import com.novaquant.simulator.domain.orders.OrderRequest;
import com.novaquant.simulator.domain.orders.RejectedException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MarginRuleTest {

    static final Function<String, BigDecimal> MARK_1000 = symbol -> new BigDecimal("1000");
    static final BigDecimal TAKER = new BigDecimal("0.0005");

    static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    static Order openBuy(String qty, String price) {
        OrderRequest request = new OrderRequest(Venue.USDM, "BTCUSDT", Side.BUY, OrderType.LIMIT, TimeInForce.GTC,
                d(qty), null, d(price), "c", false);
        return new Order(Venue.USDM, 1, "c", "key", request, d(qty), 0);
    }

    @Test
    void initialMarginIsTheNotionalOverTheLeverageRoundedUpAndMaintenanceAFifthOfIt() {
        FuturesAccount futures = new FuturesAccount(d("1000"), 3);

        assertThat(MarginRule.initialMargin(futures, "BTCUSDT", d("100"))).isEqualByComparingTo("33.33333334");
        assertThat(MarginRule.maintenance(d("1.00000003"))).isEqualByComparingTo("0.20000001");
    }

    @Test
    void availableBalanceTakesPositionAndOpenOrderMarginFromTheWalletPlusUnrealisedPnl() {
        FuturesAccount futures = new FuturesAccount(d("1000"), 10);
        futures.setPosition(new Position("BTCUSDT", d("-1"), d("1100")));

        BigDecimal available = MarginRule.available(futures, MARK_1000, List.of(openBuy("0.5", "900")));

        // 1000 wallet + 100 unrealised - 100 position margin - 45 open-order margin
        assertThat(available).isEqualByComparingTo("955");
    }

    @Test
    void anOrderThatOnlyReducesThePositionNeedsNoMarginWhileTheIncreasingPartDoes() {
        FuturesAccount futures = new FuturesAccount(BigDecimal.ZERO, 10);
        futures.setPosition(new Position("BTCUSDT", d("-1"), d("1000")));

        assertThatCode(() -> MarginRule.requireFor(futures, "BTCUSDT", Side.BUY, d("1"), d("1000"), TAKER, MARK_1000,
                List.of())).doesNotThrowAnyException();
        assertThatThrownBy(() -> MarginRule.requireFor(futures, "BTCUSDT", Side.BUY, d("1.001"), d("1000"), TAKER,
                MARK_1000, List.of()))
                .isInstanceOfSatisfying(RejectedException.class, e -> assertThat(e.rejection().code()).isEqualTo(-2019));
    }

    @Test
    void theIncreasingPartMustFindItsInitialMarginAndTheTakerFee() {
        FuturesAccount futures = new FuturesAccount(d("100.5"), 10);

        // 1 x 1000 at 10x: 100 margin + 0.5 fee, exactly what the wallet holds
        assertThatCode(() -> MarginRule.requireFor(futures, "BTCUSDT", Side.SELL, d("1"), d("1000"), TAKER, MARK_1000,
                List.of())).doesNotThrowAnyException();
        assertThatThrownBy(() -> MarginRule.requireFor(futures, "BTCUSDT", Side.SELL, d("1"), d("1000"), TAKER,
                MARK_1000, List.of(openBuy("0.001", "1000"))))
                .isInstanceOfSatisfying(RejectedException.class, e -> assertThat(e.rejection().code()).isEqualTo(-2019));
    }
}
