package com.novaquant.support.node;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The comparison chosen for each setting of the desk's tuning. */
class SysctlRuleTest {

    @Test
    void ceilingsAndBufferSizesMayBeLargerNeverSmaller() {
        for (String name : new String[] {"fs.file-max", "net.core.rmem_max", "net.core.wmem_max", "net.core.somaxconn"}) {
            assertThat(SysctlRule.of(name)).as(name).isEqualTo(SysctlRule.AT_LEAST);
        }
        assertThat(SysctlRule.of("fs.file-max").holds("1000000", "1000000")).isTrue();
        assertThat(SysctlRule.of("fs.file-max").holds("1000000", "9223372036854775807")).isTrue();
        assertThat(SysctlRule.of("fs.file-max").holds("1000000", "999999")).isFalse();
        assertThat(SysctlRule.of("fs.file-max").holds("1000000", "")).isFalse();
        assertThat(SysctlRule.of("fs.file-max").holds("1000000", "unlimited")).isFalse();
    }

    @Test
    void tcpBuffersCompareEachOfTheirThreeFields() {
        SysctlRule rmem = SysctlRule.of("net.ipv4.tcp_rmem");
        assertThat(rmem.holds("4096 87380 16777216", "4096\t87380\t16777216")).isTrue();
        assertThat(rmem.holds("4096 87380 16777216", "4096\t131072\t33554432")).isTrue();
        assertThat(rmem.holds("4096 87380 16777216", "4096\t131072\t6291456")).isFalse();
        assertThat(rmem.holds("4096 87380 16777216", "4096\t87380")).isFalse();
        assertThat(rmem.holds("4096 87380 16777216", "4096 87380 16777216 1")).isFalse();
    }

    @Test
    void thePortRangeMayBeWiderNeverNarrower() {
        SysctlRule range = SysctlRule.of("net.ipv4.ip_local_port_range");
        assertThat(range).isEqualTo(SysctlRule.RANGE_COVERS);
        assertThat(range.holds("1024 65535", "1024\t65535")).isTrue();
        assertThat(range.holds("1024 65535", "1000\t65535")).isTrue();
        assertThat(range.holds("1024 65535", "32768\t60999")).isFalse();
        assertThat(range.holds("1024 65535", "1024\t60999")).isFalse();
    }

    @Test
    void fastOpenIsABitMaskEveryBitAskedForMustBeSet() {
        SysctlRule fastOpen = SysctlRule.of("net.ipv4.tcp_fastopen");
        assertThat(fastOpen).isEqualTo(SysctlRule.ALL_BITS);
        assertThat(fastOpen.holds("3", "3")).isTrue();
        assertThat(fastOpen.holds("3", "1027")).isTrue();
        assertThat(fastOpen.holds("3", "1")).isFalse();
        assertThat(fastOpen.holds("3", "4")).as("numerically more, but client and server mode off").isFalse();
    }

    @Test
    void keepaliveTimingsAndAnythingUnlistedMustBeExact() {
        SysctlRule keepalive = SysctlRule.of("net.ipv4.tcp_keepalive_time");
        assertThat(keepalive).isEqualTo(SysctlRule.EXACT);
        assertThat(keepalive.holds("300", "300\n")).isTrue();
        assertThat(keepalive.holds("300", "7200")).isFalse();
        assertThat(keepalive.holds("300", "120")).as("sooner is a different behaviour, not a better one").isFalse();
        assertThat(SysctlRule.of("net.ipv4.tcp_congestion_control").holds("bbr", "bbr\n")).isTrue();
        assertThat(SysctlRule.of("net.ipv4.tcp_congestion_control").holds("bbr", "cubic")).isFalse();
    }

    @Test
    void theExpectedValueIsDescribedTheWayItIsCompared() {
        assertThat(SysctlRule.AT_LEAST.describe("16777216")).isEqualTo("at least 16777216");
        assertThat(SysctlRule.AT_LEAST.describe("4096  87380 16777216")).isEqualTo("at least 4096 87380 16777216 (each field)");
        assertThat(SysctlRule.RANGE_COVERS.describe("1024 65535")).isEqualTo("a range covering 1024 to 65535");
        assertThat(SysctlRule.ALL_BITS.describe("3")).isEqualTo("3 (every bit of 0x3 set)");
        assertThat(SysctlRule.EXACT.describe("300")).isEqualTo("300");
    }
}
