package io.github.fluxoci.oci.online;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;


import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingEndEvent;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceEndEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.error.YAMLException;

import io.github.fluxoci.oci.semver.Version;

/**
 * Reads the newest release a HTTP Helm repository offers for each chart the tree uses, from its {@code index.yaml}:
 * the answer is saved to a temporary file (at most {@code oci.onlineMaxIndexBytes}, within the request timeout),
 * then its events are streamed: memory holds one version per wanted chart, however many the index lists. One
 * fetch per repository per run; the same host and scheme rules as registries ({@link HostPolicy}).
 */
public final class HelmIndexClient {

    private final RegistryHttp http;
    private final FetchOnce<String, Index> cache = new FetchOnce<>();

    /** chart -> newest release among the wanted charts, or why the index could not be read. */
    public record Index(Map<String, Version> newest, String error) {
        public Optional<Version> newestStable(String chart) {
            return Optional.ofNullable(newest.get(chart));
        }
    }

    public HelmIndexClient(OnlineOptions options) {
        this.http = new RegistryHttp(options);
    }

    /** The index of a repository, keeping the charts named (all of them when {@code charts} is null). */
    public Index index(String repositoryUrl, Set<String> charts) {
        String base = repositoryUrl.trim().replaceAll("/+$", "").replaceFirst("/index\\.yaml$", "");
        return cache.get(base, () -> fetch(base, charts));
    }

    private Index fetch(String base, Set<String> charts) {
        URI uri;
        try {
            uri = new URI(base + "/index.yaml");
        } catch (URISyntaxException e) {
            return new Index(Map.of(), "\"" + HostPolicy.safe(base) + "\" is not a repository URL");
        }
        String host = uri.getRawAuthority();
        Path file = null;
        try {
            file = Files.createTempFile("oci-helm-index", ".yaml");
            RegistryHttp.Answer<Path> response = http.download(uri, host, file);
            if (response.status() != 200) {
                return new Index(Map.of(), host + " answered " + response.status() + " for " + uri.getPath());
            }
            Map<String, Version> newest = new HashMap<>();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                parse(in, charts, (chart, text) -> version(text).filter(v -> !v.isPreRelease())
                        .filter(v -> !newest.containsKey(chart) || v.compareTo(newest.get(chart)) > 0)
                        .ifPresent(v -> newest.put(chart, v)));
            }
            return new Index(Map.copyOf(newest), null);
        } catch (RegistryException e) {
            return new Index(Map.of(), e.getMessage());
        } catch (IOException | YAMLException e) {
            return new Index(Map.of(), host + " sent an index.yaml that could not be read");
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file: the system cleans it up
                }
            }
        }
    }

    /** A chart version as Helm reads it (Masterminds, lenient), the strict form first. */
    private static Optional<Version> version(String text) {
        return Version.parseTag(text).or(() -> Version.parse(text));
    }

    /** Streams the events of an index and keeps entries.chart[].version for every chart. */
    static Map<String, List<String>> parse(Reader reader) {
        Map<String, List<String>> out = new HashMap<>();
        parse(reader, null, (chart, version) -> out.computeIfAbsent(chart, k -> new ArrayList<>()).add(version));
        return out;
    }

    /** Streams the events of an index and hands over each entries.chart[].version of the wanted charts (all when null). */
    static void parse(Reader reader, Set<String> charts, BiConsumer<String, String> version) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(Integer.MAX_VALUE);
        ParserImpl parser = new ParserImpl(new StreamReader(reader), options);
        Deque<Object> path = new ArrayDeque<>(); // mapping keys (String) and sequence markers
        String pendingKey = null;
        Deque<Boolean> inMapping = new ArrayDeque<>();
        Deque<Boolean> expectingKey = new ArrayDeque<>();
        while (parser.peekEvent() != null) {
            Event e = parser.getEvent();
            if (e instanceof MappingStartEvent || e instanceof SequenceStartEvent) {
                boolean mapping = e instanceof MappingStartEvent;
                if (!inMapping.isEmpty() && inMapping.peek()) {
                    path.push(pendingKey == null ? "" : pendingKey);
                    expectingKey.pop();
                    expectingKey.push(true);
                } else if (!inMapping.isEmpty()) {
                    path.push("[]");
                }
                inMapping.push(mapping);
                expectingKey.push(true);
                pendingKey = null;
            } else if (e instanceof MappingEndEvent || e instanceof SequenceEndEvent) {
                inMapping.pop();
                expectingKey.pop();
                if (!path.isEmpty() && !inMapping.isEmpty()) {
                    path.pop();
                }
            } else if (e instanceof AliasEvent && !inMapping.isEmpty() && inMapping.peek()) {
                boolean key = expectingKey.pop();
                expectingKey.push(!key);
            } else if (e instanceof ScalarEvent s && !inMapping.isEmpty() && inMapping.peek()) {
                if (expectingKey.peek()) {
                    pendingKey = s.getValue();
                    expectingKey.pop();
                    expectingKey.push(false);
                } else {
                    // a value: entries / <chart> / [] / version
                    if ("version".equals(pendingKey) && path.size() == 3) {
                        List<Object> p = new ArrayList<>(path);
                        if ("[]".equals(p.get(0)) && "entries".equals(p.get(2))
                                && (charts == null || charts.contains((String) p.get(1)))) {
                            version.accept((String) p.get(1), s.getValue());
                        }
                    }
                    expectingKey.pop();
                    expectingKey.push(true);
                }
            }
        }
    }
}
