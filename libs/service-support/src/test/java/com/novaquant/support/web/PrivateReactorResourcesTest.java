package com.novaquant.support.web;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

/**
 * Two applications in one JVM, as the integration tests run them: closing one leaves the other's connections alone.
 * With Reactor Netty's process-wide resources, closing an application disposed the connection pool and event loops
 * every other application in the JVM was using: a request in flight (alert-service's Telegram long poll) was cut
 * ("Connection prematurely closed BEFORE response"), and a server started meanwhile could stop answering.
 */
class PrivateReactorResourcesTest {

    @Configuration(proxyBeanMethods = false)
    @Import(PrivateReactorResourcesAutoConfiguration.class)
    static class Application {

        @Bean
        ReactorResourceFactory reactorResourceFactory() {
            return new ReactorResourceFactory();
        }

        @Bean
        NettyReactiveWebServerFactory nettyReactiveWebServerFactory(ReactorResourceFactory resources) {
            NettyReactiveWebServerFactory factory = new NettyReactiveWebServerFactory(0);
            factory.setResourceFactory(resources);
            return factory;
        }

        @Bean
        HttpHandler httpHandler() {
            return RouterFunctions.toHttpHandler(RouterFunctions.route(GET("/ping"),
                    request -> ServerResponse.ok().bodyValue("pong")));
        }

        @Bean
        WebClient webClient(ReactorResourceFactory resources) {
            return WebClient.builder().clientConnector(new ReactorClientHttpConnector(resources, Function.identity()))
                    .build();
        }
    }

    @Test
    void closingOneApplicationLeavesAnotherApplicationsRequestInFlightAlone() throws Exception {
        CountDownLatch answer = new CountDownLatch(1);
        CountDownLatch asked = new CountDownLatch(1);
        HttpServer slow = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        slow.createContext("/poll", exchange -> {
            asked.countDown();
            try {
                answer.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = "update".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        slow.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        slow.start();
        try (ConfigurableApplicationContext polling = start()) {
            ConfigurableApplicationContext other = start();
            CompletableFuture<String> poll = polling.getBean(WebClient.class).get()
                    .uri("http://127.0.0.1:" + slow.getAddress().getPort() + "/poll")
                    .retrieve().bodyToMono(String.class).toFuture();
            asked.await();

            other.close();

            ReactorResourceFactory resources = polling.getBean(ReactorResourceFactory.class);
            assertThat(resources.getLoopResources().isDisposed()).as("event loops disposed by the other's close").isFalse();
            assertThat(resources.getConnectionProvider().isDisposed()).as("connection pool disposed by the other's close")
                    .isFalse();
            answer.countDown();
            assertThat(poll.get()).isEqualTo("update");
        } finally {
            answer.countDown();
            slow.stop(0);
        }
    }

    private static ConfigurableApplicationContext start() throws IOException {
        return new SpringApplicationBuilder(Application.class).web(WebApplicationType.REACTIVE)
                .properties("spring.main.banner-mode=off").run();
    }
}
