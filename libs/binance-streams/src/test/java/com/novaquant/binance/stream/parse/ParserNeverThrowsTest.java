package com.novaquant.binance.stream.parse;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever arrives on the wire, the parsers answer with a status and never throw. */
class ParserNeverThrowsTest {

    static final String VALID = "{\"stream\":\"btcusdt@bookTicker\",\"data\":" + BookTickerParserTest.USDM + "}";
    static final String VALID_MARK = "{\"stream\":\"btcusdt@markPrice@1s\",\"data\":" + MarkPriceParserTest.EXAMPLE + "}";

    final SymbolTable symbols = new SymbolTable(List.of("BTCUSDT"));
    final CombinedFrameParser parser = new CombinedFrameParser(new StreamTable(List.of(
            new StreamKey(0, "btcusdt@bookTicker", "BTCUSDT", StreamType.BOOK_TICKER),
            new StreamKey(1, "btcusdt@markPrice@1s", "BTCUSDT", StreamType.MARK_PRICE))), symbols, true, 65536);

    @Property(tries = 3000)
    void arbitraryBytesNeverThrow(@ForAll byte[] bytes) {
        FrameType type = parser.parse(bytes, 0, bytes.length);
        assertThat(type).isNotNull();
    }

    @Property(tries = 3000)
    void mutatedValidFramesNeverThrowAndRejectionsCarryAReason(@ForAll("mutatedFrames") byte[] frame) {
        FrameType type = parser.parse(frame, 0, frame.length);
        if (type == FrameType.REJECTED) {
            assertThat(parser.rejection()).isNotEqualTo(ParseStatus.OK);
        }
    }

    @Property(tries = 1000)
    void everyPrefixOfAValidFrameIsRejectedAsIncomplete(@ForAll("prefixLengths") int length) {
        byte[] bytes = VALID.getBytes(StandardCharsets.UTF_8);
        assertThat(parser.parse(bytes, 0, length)).isEqualTo(FrameType.REJECTED);
    }

    @Provide
    Arbitrary<Integer> prefixLengths() {
        return Arbitraries.integers().between(0, VALID.length() - 1);
    }

    @Provide
    Arbitrary<byte[]> mutatedFrames() {
        Arbitrary<String> base = Arbitraries.of(VALID, VALID_MARK);
        Arbitrary<Integer> position = Arbitraries.integers().between(0, VALID.length() - 1);
        Arbitrary<Character> replacement = Arbitraries.chars().with('"', '{', '}', '[', ']', ':', ',', '-', '.', '\\', 'e', 'n', '0', '9', ' ', '\u00e9');
        return net.jqwik.api.Combinators.combine(base, position, replacement, Arbitraries.integers().between(0, 3))
                .as((text, at, ch, mode) -> {
                    int i = Math.min(at, text.length() - 1);
                    String mutated = switch (mode) {
                        case 0 -> text.substring(0, i) + ch + text.substring(i + 1);
                        case 1 -> text.substring(0, i) + ch + text.substring(i);
                        case 2 -> text.substring(0, i) + text.substring(i + 1);
                        default -> text.substring(0, i) + "9".repeat(30) + text.substring(i);
                    };
                    return mutated.getBytes(StandardCharsets.UTF_8);
                });
    }
}
