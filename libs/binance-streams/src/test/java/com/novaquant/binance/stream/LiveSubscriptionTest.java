package com.novaquant.binance.stream;

import com.novaquant.binance.stream.SubscriptionServer.Answer;
import com.novaquant.binance.stream.SubscriptionServer.Control;
import com.novaquant.binance.stream.parse.BookTicker;
import com.novaquant.binance.stream.parse.MarkPrice;
import com.novaquant.binance.stream.parse.ParseStatus;
import com.novaquant.binance.stream.parse.StreamKey;
import com.novaquant.binance.stream.parse.StreamType;
import com.novaquant.binance.stream.parse.SymbolTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Live SUBSCRIBE / UNSUBSCRIBE on an open connection, against a real WebSocket server on loopback. */
class LiveSubscriptionTest {

    final SubscriptionServer server = new SubscriptionServer();
    final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    final List<String> confirmed = new CopyOnWriteArrayList<>();
    final List<String> failures = new CopyOnWriteArrayList<>();
    final List<DisconnectCause> disconnects = new CopyOnWriteArrayList<>();
    SymbolTable symbols;
    StreamConnection connection;

    @AfterEach
    void stop() {
        if (connection != null) {
            connection.stop();
        }
        server.close();
    }

    static StreamKey ticker(int id, String symbol) {
        return new StreamKey(id, StreamType.BOOK_TICKER.streamName(symbol), symbol, StreamType.BOOK_TICKER);
    }

    void connect(SubscriptionSettings subscriptions, String... initialSymbols) {
        symbols = new SymbolTable(List.of(initialSymbols));
        ConnectionSpec spec = StreamPlanner.plan(server.baseUrl(), server.baseUrl(), List.of(initialSymbols), 1, 1).getFirst();
        StreamSettings settings = new StreamSettings(Duration.ofHours(1), new Backoff(Duration.ofMillis(50), Duration.ofMillis(100)),
                Duration.ofMinutes(1), Duration.ofSeconds(2), 65536, subscriptions);
        connection = new StreamConnection(spec, settings, symbols, new FrameListener() {
            @Override
            public void onBookTicker(ConnectionSpec c, StreamKey s, BookTicker ticker, ReceivedFrame frame) {
                received.add(s.name() + " " + ticker.updateId());
            }

            @Override
            public void onMarkPrice(ConnectionSpec c, StreamKey s, MarkPrice markPrice, ReceivedFrame frame) {
            }

            @Override
            public void onRejected(ConnectionSpec c, ParseStatus reason, ReceivedFrame frame) {
                received.add("rejected " + reason);
            }
        }, new ConnectionListener() {
            @Override
            public void onConnected(ConnectionSpec c) {
            }

            @Override
            public void onDisconnected(ConnectionSpec c, DisconnectCause cause, String detail) {
                disconnects.add(cause);
            }

            @Override
            public void onReconnectScheduled(ConnectionSpec c, Duration delay, int attempt, DisconnectCause cause) {
            }

            @Override
            public void onSubscriptionChanged(ConnectionSpec c, SubscriptionChange change, List<String> streams) {
                confirmed.add(change + " " + streams);
            }

            @Override
            public void onSubscriptionFailed(ConnectionSpec c, SubscriptionChange change, String detail) {
                failures.add(change + " " + detail);
            }
        }, Clock.systemUTC());
        connection.start();
    }

    static SubscriptionSettings settings(Duration timeout, int attempts, int batch) {
        return new SubscriptionSettings(timeout, attempts, batch);
    }

    String next() throws InterruptedException {
        return received.poll(10, TimeUnit.SECONDS);
    }

    @Test
    void subscribesToANewStreamOnTheOpenConnectionAndItsFramesAreDelivered() throws Exception {
        connect(SubscriptionSettings.defaults(), "BTCUSDT");
        SubscriptionServer.Session session = server.nextSession();
        await().until(connection::connected);

        symbols.add(List.of("SOLUSDT"));
        connection.subscribe(List.of(ticker(1, "SOLUSDT")));

        Control control = session.nextControl();
        assertThat(control.method()).isEqualTo("SUBSCRIBE");
        assertThat(control.streams()).containsExactly("solusdt@bookTicker");
        await().until(() -> confirmed.contains("SUBSCRIBE [solusdt@bookTicker]"));
        session.send(SubscriptionServer.bookTicker("SOLUSDT", 7));
        assertThat(next()).isEqualTo("solusdt@bookTicker 7");
        assertThat(server.sessions).as("no second connection").isEmpty();
        assertThat(connection.streams()).extracting(StreamKey::name).containsExactly("btcusdt@bookTicker", "solusdt@bookTicker");
    }

    @Test
    void unsubscribesAndALateFrameOfTheRemovedStreamIsACountedDropNotACrash() throws Exception {
        connect(SubscriptionSettings.defaults(), "BTCUSDT", "ETHUSDT");
        SubscriptionServer.Session session = server.nextSession();
        await().until(connection::connected);

        connection.unsubscribe(List.of(ticker(0, "BTCUSDT")));
        symbols.remove(List.of("BTCUSDT"));

        Control control = session.nextControl();
        assertThat(control.method()).isEqualTo("UNSUBSCRIBE");
        assertThat(control.streams()).containsExactly("btcusdt@bookTicker");
        session.send(SubscriptionServer.bookTicker("BTCUSDT", 8));
        session.send(SubscriptionServer.bookTicker("ETHUSDT", 9));
        assertThat(next()).isEqualTo("rejected UNKNOWN_STREAM");
        assertThat(next()).isEqualTo("ethusdt@bookTicker 9");
        assertThat(connection.connected()).isTrue();
        assertThat(disconnects).isEmpty();
    }

    @Test
    void manyStreamsAreBatchedIntoFewMessages() throws Exception {
        connect(settings(Duration.ofSeconds(5), 3, 100), "BTCUSDT");
        SubscriptionServer.Session session = server.nextSession();
        await().until(connection::connected);

        List<StreamKey> streams = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            streams.add(ticker(i + 1, "SYM" + i + "USDT"));
        }
        connection.subscribe(streams);

        List<Integer> sizes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            sizes.add(session.nextControl().streams().size());
        }
        assertThat(sizes).containsExactly(100, 100, 50);
        await().until(() -> session.streams.size() == 251);
        assertThat(session.controls.poll(300, TimeUnit.MILLISECONDS)).as("nothing more to send").isNull();
    }

    @Test
    void controlMessagesAndPongsShareTheSpotBudgetOfFiveMessagesASecond() throws Exception {
        connect(settings(Duration.ofSeconds(5), 3, 1), "BTCUSDT");
        SubscriptionServer.Session session = server.nextSession();
        await().until(connection::connected);

        List<StreamKey> streams = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            streams.add(ticker(i + 1, "SYM" + i + "USDT"));
        }
        long start = System.nanoTime();
        connection.subscribe(streams);
        for (int i = 0; i < 3; i++) {
            session.ping("p" + i);
        }

        List<Long> received = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            received.add(session.nextControl().atNanos());
        }
        await().until(() -> session.pongNanos.size() == 3);
        received.addAll(session.pongNanos);
        received.sort(Long::compare);
        assertThat(received).hasSize(8);
        // One budget of 5 a second for both kinds: the 8 messages leave on slots 200 ms apart, the first no earlier
        // than the subscription, so the last cannot arrive before 7 slots after it (a delay in between only makes it
        // later). Separate budgets would let the pongs out at once and the last control 4 slots in (800 ms).
        assertThat(received.getLast() - start).as("the last of 8 messages, from the subscription")
                .isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(1_390));
    }

    @Test
    void aConnectionNeverCarriesMoreThan1024Streams() throws Exception {
        connect(SubscriptionSettings.defaults(), "BTCUSDT");
        List<StreamKey> streams = new ArrayList<>();
        for (int i = 0; i < 1024; i++) {
            streams.add(ticker(i + 1, "SYM" + i + "USDT"));
        }
        assertThatThrownBy(() -> connection.subscribe(streams)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("1025 streams; at most 1024");
        assertThat(connection.streams()).hasSize(1);
        connection.subscribe(streams.subList(0, 1023));
        assertThat(connection.streams()).hasSize(1024);
    }

    @Test
    void aReconnectResubscribesTheCurrentSetNotTheOriginalOne() throws Exception {
        connect(SubscriptionSettings.defaults(), "BTCUSDT");
        SubscriptionServer.Session first = server.nextSession();
        await().until(connection::connected);
        connection.subscribe(List.of(ticker(1, "ETHUSDT")));
        connection.unsubscribe(List.of(ticker(0, "BTCUSDT")));
        await().until(() -> first.streams.equals(java.util.Set.of("ethusdt@bookTicker")));

        first.drop();
        SubscriptionServer.Session second = server.nextSession();
        assertThat(second.uri).isEqualTo("/stream?streams=ethusdt@bookTicker");
        await().until(connection::connected);
        assertThat(second.controls.poll(300, TimeUnit.MILLISECONDS)).as("the URL carried everything").isNull();
    }

    @Test
    void anErrorAnswerIsReportedAndTheChangeSentAgain() throws Exception {
        connect(SubscriptionSettings.defaults(), "BTCUSDT");
        SubscriptionServer.Session session = server.nextSession();
        await().until(connection::connected);
        server.script.add(Answer.ERROR);

        connection.subscribe(List.of(ticker(1, "ETHUSDT")));

        Control refused = session.nextControl();
        Control retried = session.nextControl();
        assertThat(retried.streams()).isEqualTo(refused.streams()).containsExactly("ethusdt@bookTicker");
        assertThat(retried.id()).isGreaterThan(refused.id());
        await().until(() -> confirmed.contains("SUBSCRIBE [ethusdt@bookTicker]"));
        assertThat(failures).singleElement().asString()
                .startsWith("SUBSCRIBE refused: {\"code\":2,\"msg\":\"Invalid request: too many parameters\"");
        assertThat(disconnects).isEmpty();
    }

    @Test
    void anUnansweredChangeIsRetriedAndAfterTheLastAttemptTheSessionIsReplacedCarryingTheCurrentSet() throws Exception {
        connect(settings(Duration.ofMillis(300), 2, 100), "BTCUSDT");
        SubscriptionServer.Session first = server.nextSession();
        await().until(connection::connected);
        server.script.add(Answer.NONE);
        server.script.add(Answer.NONE);

        connection.subscribe(List.of(ticker(1, "ETHUSDT")));

        assertThat(first.nextControl().method()).isEqualTo("SUBSCRIBE");
        assertThat(first.nextControl().method()).isEqualTo("SUBSCRIBE");
        SubscriptionServer.Session second = server.nextSession();
        assertThat(second.uri).isEqualTo("/stream?streams=btcusdt@bookTicker/ethusdt@bookTicker");
        assertThat(failures).hasSize(2).allSatisfy(f -> assertThat(f).isEqualTo("SUBSCRIBE no answer within 300 ms"));
        assertThat(disconnects).containsExactly(DisconnectCause.REQUESTED);
    }
}
