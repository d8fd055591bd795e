package io.github.fluxoci.oci.online;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A body subscriber that stops reading once an answer passes a size: the subscription is cancelled (the connection
 * is dropped) and the body fails with {@link TooLarge}, so a server cannot fill the heap or the disk.
 */
final class CappedBody<T> implements HttpResponse.BodySubscriber<T> {

    /** The answer passed the cap. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(long max) {
            super("answer larger than " + max + " bytes");
        }
    }

    private final HttpResponse.BodySubscriber<T> delegate;
    private final long max;
    private long size;
    private Flow.Subscription subscription;
    private volatile boolean stopped;

    private CappedBody(HttpResponse.BodySubscriber<T> delegate, long max) {
        this.delegate = delegate;
        this.max = max;
    }

    /** A body handler that caps what {@code handler} gets; a declared Content-Length over the cap fails at once. */
    static <T> HttpResponse.BodyHandler<T> of(HttpResponse.BodyHandler<T> handler, long max) {
        return info -> {
            long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (declared > max) {
                return new Refused<>(max);
            }
            return new CappedBody<>(handler.apply(info), max);
        };
    }

    /** A body not read at all: its declared length is over the cap. */
    private static final class Refused<T> implements HttpResponse.BodySubscriber<T> {
        private final long max;

        Refused(long max) {
            this.max = max;
        }

        @Override
        public CompletionStage<T> getBody() {
            return CompletableFuture.failedFuture(new TooLarge(max));
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            s.cancel();
        }

        @Override
        public void onNext(List<ByteBuffer> item) {}

        @Override
        public void onError(Throwable t) {}

        @Override
        public void onComplete() {}
    }

    @Override
    public CompletionStage<T> getBody() {
        return delegate.getBody();
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        delegate.onSubscribe(s);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (stopped) {
            return;
        }
        for (ByteBuffer b : items) {
            size += b.remaining();
        }
        if (size > max) {
            stopped = true;
            subscription.cancel();
            delegate.onError(new TooLarge(max));
            return;
        }
        delegate.onNext(items);
    }

    @Override
    public void onError(Throwable t) {
        if (!stopped) {
            delegate.onError(t);
        }
    }

    @Override
    public void onComplete() {
        if (!stopped) {
            delegate.onComplete();
        }
    }
}
