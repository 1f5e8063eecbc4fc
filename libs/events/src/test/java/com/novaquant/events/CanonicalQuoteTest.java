package com.novaquant.events;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class CanonicalQuoteTest {

    @Test
    void readsTheCanonicalBytesOfBothVenues() {
        for (Quote quote : new Quote[]{EventCodecTest.SPOT, EventCodecTest.PERP}) {
            assertThat(CanonicalQuote.parse(EventCodec.encode(quote))).isEqualTo(quote);
        }
    }

    @Test
    void leavesEveryOtherLayoutToTheGeneralPath() {
        String canonical = EventCodec.encodeToString(EventCodecTest.SPOT);
        for (String other : new String[]{
                canonical.replace(",\"venue\"", ", \"venue\""),                      // whitespace
                canonical.replace("\"BTCUSDT\"", "\"btcusdt\""),                     // not a validated symbol
                canonical.replace("\"64250.02\"", "\"6.425002E+4\""),                // scientific notation
                canonical.replace("\"64250.02\"", "null"),                           // a null
                canonical.replace("\"v\":1", "\"v\":2"),                             // another version
                canonical.replace("5123456789", "99999999999999999999"),            // beyond a long
                canonical + " ",                                                     // trailing bytes
                canonical.substring(0, canonical.length() - 1)}) {                   // truncated
            assertThat(CanonicalQuote.parse(other.getBytes(StandardCharsets.UTF_8))).as(other).isNull();
        }
    }

    @Property(tries = 2000)
    void agreesWithTheGeneralPathOnEveryQuote(@ForAll("quotes") Quote quote) {
        byte[] bytes = EventCodec.encode(quote);
        Quote fast = CanonicalQuote.parse(bytes);
        assertThat(EventCodec.decodeInFull(bytes, Quote.class)).isEqualTo(quote);
        if (fast == null) {
            // Only decimals that Jackson writes in scientific notation are left to the general path.
            assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("E");
        } else {
            assertThat(fast).isEqualTo(quote);
        }
    }

    @Property(tries = 3000)
    void neverAcceptsWhatTheGeneralPathWouldReadDifferentlyOrRefuse(@ForAll("quotes") Quote quote,
                                                                    @ForAll @IntRange(min = 0, max = 400) int position,
                                                                    @ForAll byte replacement,
                                                                    @ForAll @IntRange(min = 0, max = 2) int edit) {
        byte[] bytes = EventCodec.encode(quote);
        int at = position % bytes.length;
        byte[] damaged = switch (edit) {
            case 0 -> { // replace one byte
                byte[] b = bytes.clone();
                b[at] = replacement;
                yield b;
            }
            case 1 -> { // delete one byte
                byte[] b = new byte[bytes.length - 1];
                System.arraycopy(bytes, 0, b, 0, at);
                System.arraycopy(bytes, at + 1, b, at, bytes.length - at - 1);
                yield b;
            }
            default -> { // insert one byte
                byte[] b = Arrays.copyOf(bytes, bytes.length + 1);
                System.arraycopy(bytes, at, b, at + 1, bytes.length - at);
                b[at] = replacement;
                yield b;
            }
        };
        Quote fast = CanonicalQuote.parse(damaged);
        if (fast != null) {
            assertThat(EventCodec.decodeInFull(damaged, Quote.class)).isEqualTo(fast);
        }
    }

    @Provide
    Arbitrary<Quote> quotes() {
        Arbitrary<String> symbols = Arbitraries.strings().withCharRange('A', 'Z').withCharRange('0', '9').ofMinLength(1).ofMaxLength(20);
        Arbitrary<BigDecimal> decimals = Combinators.combine(
                Arbitraries.bigIntegers().between(BigInteger.valueOf(-1_000_000_000_000L), BigInteger.valueOf(1_000_000_000_000_000L)),
                Arbitraries.integers().between(0, 12)).as(BigDecimal::new);
        Arbitrary<Long> longs = Arbitraries.oneOf(Arbitraries.longs(), Arbitraries.longs().between(-10, 10_000_000_000_000L));
        return Combinators.combine(symbols, Arbitraries.of(Venue.class), decimals, decimals, decimals, decimals, longs, longs)
                .as((symbol, venue, bp, bq, ap, aq, id, time) -> new Quote(symbol, venue, bp, bq, ap, aq, id, time, time ^ 0x5A5A));
    }
}
