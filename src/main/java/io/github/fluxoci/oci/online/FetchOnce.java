package io.github.fluxoci.oci.online;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * One answer per key per run: the first caller fetches, the others wait for its answer. The fetch runs outside the
 * map (a {@code computeIfAbsent} that does network work would block every other key of the map meanwhile).
 */
final class FetchOnce<K, V> {

    private final ConcurrentMap<K, CompletableFuture<V>> answers = new ConcurrentHashMap<>();

    V get(K key, Supplier<V> fetch) {
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> existing = answers.putIfAbsent(key, mine);
        if (existing != null) {
            return existing.join();
        }
        mine.complete(fetch.get());
        return mine.join();
    }

    /** The same, with the fetch already under way elsewhere (a prefetch pool); a key asked before keeps its answer. */
    CompletableFuture<V> start(K key, Supplier<CompletableFuture<V>> fetch) {
        return answers.computeIfAbsent(key, k -> fetch.get());
    }
}
