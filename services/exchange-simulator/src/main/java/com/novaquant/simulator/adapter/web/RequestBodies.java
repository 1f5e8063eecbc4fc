package com.novaquant.simulator.adapter.web;

import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;

/**
 * Reads a request body as the exact text received, whatever its content type: the signature covers
 * the raw form body, so it must not be decoded and re-encoded on the way.
 */
final class RequestBodies {

    private static final int MAX_BODY = 64 * 1024;

    private RequestBodies() {
    }

    static Mono<String> raw(ServerWebExchange web) {
        return DataBufferUtils.join(web.getRequest().getBody(), MAX_BODY)
                .map(buffer -> {
                    try {
                        return buffer.toString(StandardCharsets.UTF_8);
                    } finally {
                        DataBufferUtils.release(buffer);
                    }
                })
                .defaultIfEmpty("")
                .onErrorMap(org.springframework.core.io.buffer.DataBufferLimitException.class,
                        e -> ApiException.badRequest(-1101, "Too many parameters; the request body is too large."));
    }
}
