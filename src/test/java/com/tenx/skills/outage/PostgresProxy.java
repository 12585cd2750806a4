package com.tenx.skills.outage;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import org.netcrusher.core.reactor.NioReactor;
import org.netcrusher.tcp.TcpCrusher;
import org.netcrusher.tcp.TcpCrusherBuilder;

/**
 * A TCP proxy (NetCrusher) between the server and PostgreSQL that a test can break in the
 * two ways a database goes away: {@link #freeze()} stops every packet while connections
 * stay open (a hung peer, only socket timeouts notice), {@link #cut()} resets every
 * connection and refuses new ones (a stopped database).
 */
final class PostgresProxy implements AutoCloseable {

    private final NioReactor reactor;

    private final TcpCrusher crusher;

    private final int port;

    private PostgresProxy(NioReactor reactor, TcpCrusher crusher, int port) {
        this.reactor = reactor;
        this.crusher = crusher;
        this.port = port;
    }

    /** A proxy in front of the PostgreSQL server that {@code jdbcUrl} names. */
    static PostgresProxy inFrontOf(String jdbcUrl) throws IOException {
        URI target = URI.create(jdbcUrl.substring("jdbc:".length()));
        int port = freePort();
        NioReactor reactor = new NioReactor();
        TcpCrusher crusher = TcpCrusherBuilder.builder()
            .withReactor(reactor)
            .withBindAddress("127.0.0.1", port)
            .withConnectAddress(target.getHost(), target.getPort() < 0 ? 5432 : target.getPort())
            .buildAndOpen();
        return new PostgresProxy(reactor, crusher, port);
    }

    /** {@code jdbcUrl} with its host and port replaced by this proxy's. */
    String route(String jdbcUrl) {
        return jdbcUrl.replaceFirst("//[^/]+/", "//127.0.0.1:" + port + "/");
    }

    void freeze() {
        crusher.freeze();
    }

    void unfreeze() {
        crusher.unfreeze();
    }

    void cut() {
        crusher.close();
    }

    void restore() {
        crusher.open();
    }

    @Override
    public void close() {
        crusher.close();
        reactor.close();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

}
