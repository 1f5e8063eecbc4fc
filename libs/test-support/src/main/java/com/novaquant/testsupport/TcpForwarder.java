package com.novaquant.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * Forwards a well-known loopback port to another one. The KRaft test kit picks its own listener port, so the local
 * desk offers Kafka's usual port through this: clients bootstrap here, then follow the broker's advertised address.
 */
final class TcpForwarder implements AutoCloseable {

    private final ServerSocket server;

    private TcpForwarder(ServerSocket server) {
        this.server = server;
    }

    static TcpForwarder start(int listenPort, int targetPort) {
        try {
            ServerSocket server = new ServerSocket(listenPort, 50, InetAddress.getLoopbackAddress());
            server.setReuseAddress(true);
            TcpForwarder forwarder = new TcpForwarder(server);
            Thread.ofVirtual().name("forward-" + listenPort).start(() -> forwarder.accept(targetPort));
            return forwarder;
        } catch (IOException e) {
            throw new UncheckedIOException("port " + listenPort + " is not free", e);
        }
    }

    private void accept(int targetPort) {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                Thread.ofVirtual().start(() -> pipe(client, upstream));
                Thread.ofVirtual().start(() -> pipe(upstream, client));
            } catch (IOException e) {
                if (server.isClosed()) {
                    return;
                }
            }
        }
    }

    private static void pipe(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException ignored) {
            // one side closed: close both below
        } finally {
            try {
                from.close();
                to.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
