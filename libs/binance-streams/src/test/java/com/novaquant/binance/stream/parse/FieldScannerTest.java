package com.novaquant.binance.stream.parse;

import com.novaquant.binance.stream.parse.FieldScanner.Field;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static com.novaquant.binance.stream.parse.FieldScanner.Kind.DECIMAL;
import static com.novaquant.binance.stream.parse.FieldScanner.Kind.INTEGER;
import static com.novaquant.binance.stream.parse.FieldScanner.Kind.PRICE;
import static com.novaquant.binance.stream.parse.FieldScanner.Kind.SYMBOL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The declaration rules and the behaviours the payload parsers rely on but do not show on their own. */
class FieldScannerTest {

    enum Slot { ID, PRICE_SLOT, AVERAGE, OPTIONAL_TIME }

    final SymbolTable symbols = new SymbolTable(List.of("BTCUSDT"));
    final FieldScanner<Slot> scanner = new FieldScanner<>(symbols, "test", List.of(
            Field.required("i", INTEGER, Slot.ID),
            Field.required("s", SYMBOL),
            Field.required("p", PRICE, Slot.PRICE_SLOT),
            Field.optional("avg", DECIMAL, Slot.AVERAGE),
            Field.optional("t", INTEGER, Slot.OPTIONAL_TIME)));
    final FieldValues<Slot> values = new FieldValues<>(Slot.class);

    ParseStatus parse(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return scanner.parse(bytes, 0, bytes.length, values);
    }

    @Test
    void aLongerKeyIsReadIntoItsSlotAndOneSharingItsFirstBytesIsSkipped() {
        assertThat(parse("{\"i\":7,\"s\":\"BTCUSDT\",\"av\":\"9\",\"avgx\":1,\"avg\":\"12.50\",\"p\":\"3.0\"}"))
                .isEqualTo(ParseStatus.OK);
        assertThat(values.decimal(Slot.AVERAGE)).isEqualByComparingTo("12.50");
        assertThat(values.scale(Slot.AVERAGE)).isEqualTo(2);
        assertThat(values.unscaled(Slot.ID)).isEqualTo(7);
        assertThat(values.symbol).isEqualTo("BTCUSDT");
    }

    @Test
    void aFieldTheNextPayloadLeavesOutReadsZeroNotThePreviousValue() {
        assertThat(parse("{\"i\":7,\"s\":\"BTCUSDT\",\"p\":\"3.0\",\"t\":1772000000456}")).isEqualTo(ParseStatus.OK);
        assertThat(values.unscaled(Slot.OPTIONAL_TIME)).isEqualTo(1772000000456L);

        assertThat(parse("{\"i\":8,\"s\":\"BTCUSDT\",\"p\":\"3.0\"}")).isEqualTo(ParseStatus.OK);
        assertThat(values.unscaled(Slot.OPTIONAL_TIME)).isZero();
    }

    @Test
    void aRepeatedLongerKeyIsRefused() {
        assertThat(parse("{\"i\":7,\"s\":\"BTCUSDT\",\"avg\":\"1\",\"avg\":\"2\",\"p\":\"3.0\"}"))
                .isEqualTo(ParseStatus.DUPLICATE_FIELD);
    }

    @Test
    void aMissingFieldIsReportedBeforeAZeroPrice() {
        assertThat(parse("{\"s\":\"BTCUSDT\",\"p\":\"0.00\"}")).isEqualTo(ParseStatus.MISSING_FIELD);
        assertThat(parse("{\"i\":7,\"s\":\"BTCUSDT\",\"p\":\"0.00\"}")).isEqualTo(ParseStatus.NON_POSITIVE_PRICE);
    }

    @Test
    void aKeyDeclaredTwiceIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new FieldScanner<>(symbols, "test", List.of(
                Field.required("i", INTEGER, Slot.ID), Field.optional("i", DECIMAL, Slot.AVERAGE))));
    }

    @Test
    void aPriceMustBeRequiredAndKept() {
        assertThatIllegalArgumentException().isThrownBy(() -> new FieldScanner<>(symbols, "test", List.of(
                Field.optional("p", PRICE, Slot.PRICE_SLOT))));
        assertThatIllegalArgumentException().isThrownBy(() -> new FieldScanner<Slot>(symbols, "test", List.of(
                Field.required("p", PRICE))));
    }

    @Test
    void aSymbolIsNotKeptInASlot() {
        assertThatIllegalArgumentException().isThrownBy(() -> new FieldScanner<>(symbols, "test", List.of(
                Field.required("s", SYMBOL, Slot.ID))));
    }

    @Test
    void aKeyThatCouldNotBeMatchedAsWrittenIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new FieldScanner<>(symbols, "test", List.of(
                Field.required("a\"b", INTEGER, Slot.ID))));
        assertThatIllegalArgumentException().isThrownBy(() -> new FieldScanner<>(symbols, "test", List.of(
                Field.required("", INTEGER, Slot.ID))));
    }
}
