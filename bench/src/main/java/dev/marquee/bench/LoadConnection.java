package dev.marquee.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.Arrays;

/**
 * One keep-alive HTTP/1.1 connection of the {@link OpenLoad} event loop, non-blocking, carrying one request at a
 * time. It connects when first needed and again after the server closed it. A request whose connection dies before
 * any of its answer arrived is sent once more on a fresh connection (a keep-alive connection the server had closed
 * while it was idle); otherwise, and after 5 s without an answer, it fails with status -1.
 */
final class LoadConnection {

    /** A request due at {@code intendedNanos}, as bytes ready to send. */
    record Pending(long intendedNanos, byte[] bytes, long sentNanos, boolean retried) {
        Pending(long intendedNanos, byte[] bytes) {
            this(intendedNanos, bytes, 0, false);
        }

        Pending sentAt(long nanos) {
            return new Pending(intendedNanos, bytes, nanos, retried);
        }

        Pending retry() {
            return new Pending(intendedNanos, bytes, sentNanos, true);
        }
    }

    /** Hears each request's end: its status (-1 when it failed) and body; the connection is free again. */
    interface Answers {
        void answered(LoadConnection connection, Pending pending, int status, byte[] body);
    }

    private final InetSocketAddress address;
    private final Selector selector;
    private SocketChannel channel;
    private SelectionKey key;
    private Pending current;
    private ByteBuffer out;
    private byte[] in = new byte[16 * 1024];
    private int inLength;

    LoadConnection(InetSocketAddress address, Selector selector) {
        this.address = address;
        this.selector = selector;
    }

    /** Sends {@code pending}, connecting first when there is no open connection. */
    void send(Pending pending, Answers answers) {
        current = pending.sentAt(System.nanoTime());
        inLength = 0;
        out = ByteBuffer.wrap(pending.bytes());
        try {
            if (channel == null) {
                channel = SocketChannel.open();
                channel.configureBlocking(false);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                key = channel.register(selector, SelectionKey.OP_CONNECT, this);
                if (channel.connect(address)) {
                    connected();
                }
            } else {
                write();
            }
        } catch (IOException | RuntimeException e) {
            // A refused connection, a reset, or an answer that is not HTTP: this request fails, the loop goes on.
            failed(answers);
        }
    }

    /** Handles what the selector found ready on this connection. */
    void ready(SelectionKey readyKey, Answers answers) {
        try {
            if (readyKey.isConnectable()) {
                if (channel.finishConnect()) {
                    connected();
                }
                return;
            }
            if (readyKey.isWritable()) {
                write();
            }
            if (readyKey.isReadable()) {
                read(answers);
            }
        } catch (IOException | RuntimeException e) {
            // A refused connection, a reset, or an answer that is not HTTP: this request fails, the loop goes on.
            failed(answers);
        }
    }

    /** Gives up on the request in flight when it was sent before {@code sentBeforeNanos}. */
    void timeOutIfOlderThan(long sentBeforeNanos, Answers answers) {
        if (current != null && current.sentNanos() < sentBeforeNanos) {
            Pending late = current;
            current = null;
            close();
            answers.answered(this, late, -1, null);
        }
    }

    private void connected() throws IOException {
        key.interestOps(SelectionKey.OP_READ);
        write();
    }

    private void write() throws IOException {
        channel.write(out);
        key.interestOps(out.hasRemaining() ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ);
    }

    private void read(Answers answers) throws IOException {
        if (inLength == in.length) {
            in = Arrays.copyOf(in, in.length * 2);
        }
        int read = channel.read(ByteBuffer.wrap(in, inLength, in.length - inLength));
        if (read < 0) {
            throw new IOException("closed by the server");
        }
        inLength += read;
        HttpResponses.Parsed parsed = HttpResponses.parse(in, inLength);
        if (parsed == null) {
            return;
        }
        inLength = 0;
        Pending answered = current;
        current = null;
        if (answered != null) {
            answers.answered(this, answered, parsed.response().status(), parsed.response().body());
        }
    }

    /** The connection broke: the request in flight goes once more on a fresh one, or fails. */
    private void failed(Answers answers) {
        Pending broken = current;
        boolean nothingHeard = inLength == 0;
        current = null;
        close();
        if (broken == null) {
            return;
        }
        if (!broken.retried() && nothingHeard) {
            send(broken.retry(), answers);
        } else {
            answers.answered(this, broken, -1, null);
        }
    }

    void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            channel = null;
            key = null;
        }
    }
}
