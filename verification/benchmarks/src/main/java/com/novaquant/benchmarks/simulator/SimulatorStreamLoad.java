package com.novaquant.benchmarks.simulator;

import reactor.core.Disposable;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * Load check of the exchange simulator's market streams: subscribes to every symbol's bookTicker on
 * spot and USD-M /public and prints frames received per second. Start the simulator with a high
 * {@code nova.simulator.quote-rate} first, e.g.
 * {@code java -jar exchange-simulator-0.1.0-SNAPSHOT-exec.jar --nova.simulator.quote-rate=5000}, then
 * {@code java -cp benchmarks.jar com.novaquant.benchmarks.simulator.SimulatorStreamLoad ws://localhost:8090 10 btcusdt,ethusdt}.
 */
public final class SimulatorStreamLoad {

    private SimulatorStreamLoad() {
    }

    public static void main(String[] args) throws InterruptedException {
        String root = args.length > 0 ? args[0] : "ws://localhost:8090";
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        String[] symbols = (args.length > 2 ? args[2] : "btcusdt,ethusdt").split(",");
        StringBuilder streams = new StringBuilder();
        for (String symbol : symbols) {
            streams.append(streams.isEmpty() ? "" : "/").append(symbol).append("@bookTicker");
        }
        LongAdder frames = new LongAdder();
        LongAdder bytes = new LongAdder();
        List<Disposable> connections = new ArrayList<>();
        for (String path : new String[] {"/spot/stream?streams=", "/futures/public/stream?streams="}) {
            connections.add(HttpClient.create()
                    .websocket(WebsocketClientSpec.builder().maxFramePayloadLength(1 << 20).build())
                    .uri(root + path + streams)
                    .handle((in, out) -> in.receive().doOnNext(buf -> {
                        frames.increment();
                        bytes.add(buf.readableBytes());
                    }).then())
                    .subscribe());
        }
        Thread.sleep(2000);
        frames.reset();
        bytes.reset();
        long start = System.nanoTime();
        for (int i = 1; i <= seconds; i++) {
            Thread.sleep(1000);
            System.out.printf("second %d: %d frames/s cumulative average%n", i,
                    (long) (frames.sum() / ((System.nanoTime() - start) / 1e9)));
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf("frames/s %.0f over %.1f s (%d frames, %.1f MB)%n", frames.sum() / elapsed, elapsed,
                frames.sum(), bytes.sum() / 1e6);
        connections.forEach(Disposable::dispose);
    }
}
