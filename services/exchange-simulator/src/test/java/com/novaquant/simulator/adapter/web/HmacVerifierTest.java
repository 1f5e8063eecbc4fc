package com.novaquant.simulator.adapter.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HmacVerifierTest {

    static final String SPOT_SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
    static final String SPOT_PAYLOAD = "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559";
    static final String SPOT_SIGNATURE = "c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71";

    @Test
    void signsBinancesSpotAndFuturesTestVectors() {
        assertThat(HmacVerifier.sign(SPOT_SECRET, SPOT_PAYLOAD)).isEqualTo(SPOT_SIGNATURE);
        assertThat(HmacVerifier.sign("2b5eb11e18796d12d88f13dc27dbbd02c2cc51ff7059765ed9821957d82bb4d9",
                "symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=1&price=9000&timeInForce=GTC&recvWindow=5000&timestamp=1591702613943"))
                .isEqualTo("3c661234138461fcc7a7d8746c6558c9842d4e10870d2ecbedf7777cad694af9");
    }

    @Test
    void verifiesASignatureInTheQueryString() {
        HmacVerifier.Signed signed = HmacVerifier.extract(SPOT_PAYLOAD + "&signature=" + SPOT_SIGNATURE, "");

        assertThat(signed.payload()).isEqualTo(SPOT_PAYLOAD);
        assertThat(HmacVerifier.verify(SPOT_SECRET, signed)).isTrue();
    }

    @Test
    void verifiesASignatureInTheBodyCaseInsensitively() {
        HmacVerifier.Signed signed = HmacVerifier.extract("", SPOT_PAYLOAD + "&signature=" + SPOT_SIGNATURE.toUpperCase());

        assertThat(HmacVerifier.verify(SPOT_SECRET, signed)).isTrue();
    }

    @Test
    void mixedQueryAndBodyAreSignedAsTheirConcatenation() {
        String query = "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC";
        String body = "quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559";
        String signature = HmacVerifier.sign(SPOT_SECRET, query + body);

        assertThat(HmacVerifier.verify(SPOT_SECRET, HmacVerifier.extract(query, body + "&signature=" + signature))).isTrue();
        assertThat(signature).isEqualTo("0fd168b8ddb4876a0358a8d14d0c9f3da0e9b20c5d52b2a00fcf7d1c602f9a77");
    }

    @Test
    void aTamperedPayloadFailsVerification() {
        HmacVerifier.Signed signed = HmacVerifier.extract(SPOT_PAYLOAD.replace("quantity=1", "quantity=2")
                + "&signature=" + SPOT_SIGNATURE, "");

        assertThat(HmacVerifier.verify(SPOT_SECRET, signed)).isFalse();
    }

    @Test
    void anUnsignedRequestHasNoSignature() {
        assertThat(HmacVerifier.extract("symbol=BTCUSDT", "")).isNull();
    }
}
