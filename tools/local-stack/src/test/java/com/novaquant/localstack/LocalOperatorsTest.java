package com.novaquant.localstack;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LocalOperatorsTest {

    @Test
    void theLocalSinksPrivateChatsAreItsOperatorsAndAGroupIsNot() {
        assertThat(Desk.localOperators("100001")).isEqualTo("100001");
        assertThat(Desk.localOperators(" 100001, -1001234567890 ,7")).isEqualTo("100001,7");
        assertThat(Desk.localOperators("-1001234567890")).isEmpty();
        assertThat(Desk.localOperators("0,abc")).isEmpty();
    }
}
