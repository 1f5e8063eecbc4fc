package com.novaquant.simulator.adapter.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;

/**
 * Renders every failure no controller answered (a path or method that does not exist, a request the framework
 * refused, an unexpected fault) as Binance's {@code {"code":..,"msg":..}}, never as the framework's error page.
 * An unknown endpoint (path, or method on a path) is 404: under {@code /futures} and {@code /delivery} as USD-M
 * answers it, {@code {"code":-5000,"msg":"Path /fapi/v1/x, Method GET is invalid"}}; elsewhere with -1000 and the
 * same message (Binance spot answers an unknown endpoint with a 404 page, not JSON). Admin paths keep the admin
 * API's {@code {"error":..}} shape.
 */
final class FallbackErrorHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(FallbackErrorHandler.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public Mono<Void> handle(ServerWebExchange web, Throwable ex) {
        ServerHttpResponse response = web.getResponse();
        if (response.isCommitted()) {
            return Mono.error(ex);
        }
        String path = web.getRequest().getPath().value();
        String method = web.getRequest().getMethod().name();
        HttpStatusCode status;
        Map<String, Object> body;
        if (ex instanceof ApiException api) {
            status = api.status();
            body = ApiErrorHandler.body(api.code(), api.getMessage());
        } else if (ex instanceof ResponseStatusException rse && isUnknownEndpoint(rse.getStatusCode())) {
            status = HttpStatus.NOT_FOUND;
            body = unknownEndpoint(path, method);
        } else if (ex instanceof ResponseStatusException rse && rse.getStatusCode().is4xxClientError()) {
            status = HttpStatus.BAD_REQUEST;
            body = ApiErrorHandler.body(-1000, "Malformed request: " + (rse.getReason() != null ? rse.getReason() : rse.getStatusCode()));
        } else {
            log.error("unexpected failure answering {} {}", method, path, ex);
            status = HttpStatus.INTERNAL_SERVER_ERROR;
            body = ApiErrorHandler.body(-1000, "An unknown error occurred while processing the request.");
        }
        if (path.startsWith("/admin/") || path.equals("/admin")) {
            body = Map.of("error", String.valueOf(body.get("msg")));
        }
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        byte[] bytes = JSON.writeValueAsBytes(body);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
    }

    private static boolean isUnknownEndpoint(HttpStatusCode status) {
        return status.value() == HttpStatus.NOT_FOUND.value() || status.value() == HttpStatus.METHOD_NOT_ALLOWED.value();
    }

    /** The answer to a path, or a method on a path, that no endpoint serves; the message names Binance's own path. */
    static Map<String, Object> unknownEndpoint(String path, String method) {
        for (String prefix : new String[]{"/futures", "/delivery"}) {
            if (path.startsWith(prefix + "/")) {
                return ApiErrorHandler.body(-5000, "Path " + path.substring(prefix.length()) + ", Method " + method + " is invalid");
            }
        }
        String binancePath = path.startsWith("/spot/") ? path.substring("/spot".length()) : path;
        return ApiErrorHandler.body(-1000, "Path " + binancePath + ", Method " + method + " is invalid");
    }
}
