package com.novaquant.binance.testserver;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP server that reads a full HTTP request head and then resets the connection (SO_LINGER 0), the way
 * a crashing gateway drops a request it has already received.
 */
public final class ResettingServer implements AutoCloseable {

    private final ServerSocket socket;
    private final AtomicInteger requestsRead = new AtomicInteger();
    private final Thread acceptor;

    public ResettingServer() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = Thread.ofVirtual().start(this::serve);
    }

    public URI url(String prefix) {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + prefix);
    }

    public int requestsRead() {
        return requestsRead.get();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                readHead(client.getInputStream());
                requestsRead.incrementAndGet();
                client.setSoLinger(true, 0);
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void readHead(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        int b;
        while (matched < 4 && (b = in.read()) >= 0) {
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
        acceptor.interrupt();
    }
}
