package com.novaquant.binance.rest;

/**
 * One Binance REST endpoint as the transport needs it.
 *
 * @param method  HTTP method
 * @param path    path appended to the venue's base URL
 * @param weight  IP request weight charged by Binance
 * @param signed  whether the call carries timestamp, recvWindow and an HMAC signature
 * @param isOrder whether it counts against the ORDERS limits (order placement)
 */
record Endpoint(String method, String path, int weight, boolean signed, boolean isOrder) {

    static Endpoint get(String path, int weight, boolean signed) {
        return new Endpoint("GET", path, weight, signed, false);
    }

    static Endpoint signed(String method, String path, int weight) {
        return new Endpoint(method, path, weight, true, false);
    }
}
