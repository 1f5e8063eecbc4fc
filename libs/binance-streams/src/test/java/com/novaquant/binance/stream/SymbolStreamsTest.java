package com.novaquant.binance.stream;

import com.novaquant.binance.stream.parse.StreamKey;
import com.novaquant.binance.stream.parse.StreamType;
import com.novaquant.binance.stream.parse.SymbolTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SymbolStreamsTest {

    final SubscriptionServer server = new SubscriptionServer();
    final List<String> changes = new CopyOnWriteArrayList<>();
    SymbolStreams streams;

    @AfterEach
    void stop() {
        if (streams != null) {
            streams.stop();
        }
        server.close();
    }

    SymbolStreams spotStreams(List<String> initial, SymbolTable table) {
        List<SymbolStreams.Lane> lanes = List.of(new SymbolStreams.Lane(StreamRoute.SPOT,
                StreamPlanner.endpoint(StreamRoute.SPOT, server.baseUrl()), StreamType.BOOK_TICKER));
        List<ConnectionSpec> plan = StreamPlanner.plan(server.baseUrl(), server.baseUrl(), initial, 1, 1).stream()
                .filter(spec -> spec.route() == StreamRoute.SPOT).toList();
        return new SymbolStreams(lanes, plan, table,
                SymbolStreams.connector(StreamSettings.defaults(), table, FrameListenerStub.NONE, ConnectionListener.NONE, Clock.systemUTC()),
                new SymbolStreams.Changes() {
                    @Override
                    public void opened(ConnectionSpec connection) {
                        changes.add("opened " + connection.name());
                    }

                    @Override
                    public void adding(ConnectionSpec connection, List<StreamKey> added) {
                        changes.add("adding " + connection.name() + " " + added.size());
                    }

                    @Override
                    public void removed(ConnectionSpec connection, List<StreamKey> removed) {
                        changes.add("removed " + connection.name() + " " + removed.stream().map(StreamKey::name).toList());
                    }
                });
    }

    static Set<String> symbols(int count) {
        Set<String> symbols = new LinkedHashSet<>();
        symbols.add("BTCUSDT");
        for (int i = 1; i < count; i++) {
            symbols.add("SYM" + i + "USDT");
        }
        return symbols;
    }

    @Test
    void past1024StreamsANewConnectionIsOpenedAndTheFirstIsFilledByMessagesWithoutReconnecting() throws Exception {
        SymbolTable table = new SymbolTable(List.of("BTCUSDT"));
        streams = spotStreams(List.of("BTCUSDT"), table);
        streams.start();
        SubscriptionServer.Session first = server.nextSession();
        await().until(() -> streams.connections().getFirst() instanceof StreamConnection c && c.connected());

        SymbolStreams.Update update = streams.update(symbols(1030));

        assertThat(update.added()).hasSize(1029);
        assertThat(update.removed()).isEmpty();
        assertThat(changes).containsExactly("opened spot-1", "adding spot-0 1023", "adding spot-1 6");
        SubscriptionServer.Session second = server.nextSession();
        assertThat(second.uri).startsWith("/stream?streams=");
        assertThat(second.streams).as("the new connection's URL carries its 6 streams").hasSize(6);
        await().atMost(20, TimeUnit.SECONDS).until(() -> first.streams.size() == 1024);
        assertThat(server.sessions).as("no reconnect").isEmpty();
        assertThat(streams.streams().values()).extracting(List::size).containsExactly(1024, 6);
        assertThat(table.symbols()).hasSize(1030);
        Set<Integer> ids = new TreeSet<>();
        streams.streams().values().forEach(list -> list.forEach(stream -> ids.add(stream.id())));
        assertThat(ids).hasSize(1030).first().isEqualTo(0);
        assertThat(ids).last().isEqualTo(1029);
    }

    @Test
    void removedSymbolsAreUnsubscribedAndForgottenAndTheirIdsGoToTheNextNewStreams() throws Exception {
        SymbolTable table = new SymbolTable(List.of("BTCUSDT", "ETHUSDT"));
        streams = spotStreams(List.of("BTCUSDT", "ETHUSDT"), table);
        streams.start();
        SubscriptionServer.Session session = server.nextSession();
        assertThat(session.uri).isEqualTo("/stream?streams=btcusdt@bookTicker/ethusdt@bookTicker");

        SymbolStreams.Update update = streams.update(Set.of("ETHUSDT", "SOLUSDT"));

        assertThat(update.added()).containsExactly("SOLUSDT");
        assertThat(update.removed()).containsExactly("BTCUSDT");
        assertThat(changes).containsExactly("removed spot-0 [btcusdt@bookTicker]", "adding spot-0 1");
        assertThat(table.symbols()).containsExactlyInAnyOrder("ETHUSDT", "SOLUSDT");
        Map<ConnectionSpec, List<StreamKey>> now = streams.streams();
        assertThat(now.values().iterator().next()).extracting(StreamKey::name, StreamKey::id)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ethusdt@bookTicker", 1),
                        org.assertj.core.groups.Tuple.tuple("solusdt@bookTicker", 0));
        await().until(() -> session.streams.equals(Set.of("ethusdt@bookTicker", "solusdt@bookTicker")));
        List<String> methods = new ArrayList<>();
        session.controls.forEach(control -> methods.add(control.method()));
        assertThat(methods).containsExactly("UNSUBSCRIBE", "SUBSCRIBE");
        assertThat(streams.update(Set.of("ETHUSDT", "SOLUSDT")).changed()).isFalse();
    }

    /** Records what it is asked to do; no network. */
    static final class RecordingConnection implements SubscribableConnection {
        final ConnectionSpec spec;
        final com.novaquant.binance.stream.parse.StreamTable table;
        final List<String> calls;

        RecordingConnection(ConnectionSpec spec, com.novaquant.binance.stream.parse.StreamTable table, List<String> calls) {
            this.spec = spec;
            this.table = table;
            this.calls = calls;
        }

        @Override
        public ConnectionSpec spec() {
            return spec;
        }

        @Override
        public void start() {
            calls.add("start " + spec.name());
        }

        @Override
        public void stop() {
        }

        @Override
        public void subscribe(java.util.Collection<StreamKey> added) {
            table.add(added);
            calls.add("subscribe " + spec.name() + " " + added.stream().map(StreamKey::name).toList());
        }

        @Override
        public void unsubscribe(java.util.Collection<StreamKey> removed) {
            table.remove(removed);
            calls.add("unsubscribe " + spec.name() + " " + removed.stream().map(StreamKey::name).toList());
        }
    }

    @Test
    void spotAndUsdmBookTickersOfTheSameSymbolAreEachUnsubscribedOnTheirOwnConnection() {
        String url = "ws://127.0.0.1:1";
        List<String> calls = new CopyOnWriteArrayList<>();
        SymbolTable table = new SymbolTable(List.of("BTCUSDT"));
        SymbolStreams symbolStreams = new SymbolStreams(SymbolStreams.plannerLanes(url, url),
                StreamPlanner.plan(url, url, List.of("BTCUSDT"), 1, 1), table,
                (spec, streamTable) -> new RecordingConnection(spec, streamTable, calls), SymbolStreams.Changes.NONE);

        symbolStreams.update(Set.of("BTCUSDT", "SOLUSDT"));
        symbolStreams.update(Set.of("BTCUSDT"));

        assertThat(calls).containsExactly(
                "subscribe spot-0 [solusdt@bookTicker]",
                "subscribe usdm-public-0 [solusdt@bookTicker]",
                "subscribe usdm-market-0 [solusdt@markPrice@1s]",
                "unsubscribe spot-0 [solusdt@bookTicker]",
                "unsubscribe usdm-public-0 [solusdt@bookTicker]",
                "unsubscribe usdm-market-0 [solusdt@markPrice@1s]");
        assertThat(symbolStreams.streams().values()).allSatisfy(streams ->
                assertThat(streams).extracting(StreamKey::symbol).containsExactly("BTCUSDT"));
        assertThat(table.symbols()).containsExactly("BTCUSDT");
    }
}
