package com.novaquant.support.node;

import java.io.IOException;
import java.net.SocketOption;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;
import java.util.OptionalLong;

/**
 * The node's {@code net.core.rmem_max} and {@code net.core.wmem_max} seen from a pod. Both are global, but Linux
 * before 6.10 lists them only in the host's network namespace, so a pod cannot read their files. The kernel still
 * applies them to every socket: asking for the largest {@code SO_RCVBUF} (or {@code SO_SNDBUF}) is granted at most the
 * limit. The kernel doubles what it grants (bookkeeping overhead) and the JDK halves it again on Linux; a first request
 * far below any limit tells which of the two the socket reports, so the result does not depend on the JDK. An
 * unconnected datagram socket is enough: nothing is sent.
 */
final class SocketBufferLimits {

    /** Below any real limit (the kernel's smallest default is 212992) and above the kernel's minimum buffer. */
    static final int CALIBRATION = 4096;

    private SocketBufferLimits() {
    }

    /** The limit behind a sysctl name, or empty for names this cannot measure (or when the socket cannot be made). */
    static OptionalLong limit(String name) {
        SocketOption<Integer> option = option(name);
        if (option == null) {
            return OptionalLong.empty();
        }
        try (DatagramChannel channel = DatagramChannel.open()) {
            channel.setOption(option, CALIBRATION);
            long factor = Math.max(1, Math.round((double) channel.getOption(option) / CALIBRATION));
            channel.setOption(option, Integer.MAX_VALUE);
            return OptionalLong.of(channel.getOption(option) / factor);
        } catch (IOException | UnsupportedOperationException e) {
            return OptionalLong.empty();
        }
    }

    /** Where {@link #limit} read the value, for the report. */
    static String source(String name) {
        return "the kernel's cap on " + (option(name) == StandardSocketOptions.SO_SNDBUF ? "SO_SNDBUF" : "SO_RCVBUF")
                + " (the file is not shown in a pod's network namespace before Linux 6.10)";
    }

    private static SocketOption<Integer> option(String name) {
        return switch (name) {
            case "net.core.rmem_max" -> StandardSocketOptions.SO_RCVBUF;
            case "net.core.wmem_max" -> StandardSocketOptions.SO_SNDBUF;
            default -> null;
        };
    }
}
