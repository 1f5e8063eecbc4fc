package com.novaquant.ids;

import com.fasterxml.jackson.annotation.JsonCreator;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The id an order is sent under ({@code newClientOrderId}) and found by again after a time-out or a restart.
 * Holds only what both Binance venues accept (USD-M allows {@code .:/} besides spot's letters, digits, {@code _} and
 * {@code -}; 36 characters at most), so an id that cannot reach an exchange is refused where it is made. Written on
 * the wire as the bare string.
 */
public record ClientOrderId(String value) implements Identifier<ClientOrderId> {

    public static final int MAX_LENGTH = 36;

    private static final Pattern ALPHABET = Pattern.compile("[.A-Z:/a-z0-9_-]+");
    private static final Pattern SPOT_ALPHABET = Pattern.compile("[A-Za-z0-9_-]+");

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public ClientOrderId {
        IdentifierText.require(value, MAX_LENGTH, "client order id");
        if (!ALPHABET.matcher(value).matches()) {
            throw new IllegalArgumentException("client order id outside Binance's alphabet: " + value);
        }
    }

    /** The id, or empty when {@code text} is no client order id (so certainly not one this desk sent). */
    public static Optional<ClientOrderId> parse(String text) {
        try {
            return Optional.of(new ClientOrderId(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether spot takes it too: spot's alphabet is the narrower one, so an id sent to either venue must be within it
     * (an id read back from USD-M may not be).
     */
    public boolean acceptedByBothVenues() {
        return SPOT_ALPHABET.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
