package io.github.fluxoci.oci.online;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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

/**
 * Reads the versions a HTTP Helm repository offers from its {@code index.yaml}, streaming the events (indexes of
 * tens of MB are never held as a tree): only {@code entries.<chart>[].version} is kept. One fetch per repository.
 */
public final class HelmIndexClient {

    private final RegistryHttp http;
    private final Map<String, Index> cache = new ConcurrentHashMap<>();

    /** chart -> versions, or why the index could not be read. */
    public record Index(Map<String, List<String>> versions, String error) {
        public List<String> versions(String chart) {
            return versions.getOrDefault(chart, List.of());
        }
    }

    public HelmIndexClient(OnlineOptions options) {
        this.http = new RegistryHttp(options);
    }

    public Index index(String repositoryUrl) {
        String base = repositoryUrl.trim().replaceAll("/+$", "").replaceFirst("/index\\.yaml$", "");
        return cache.computeIfAbsent(base, this::fetch);
    }

    private Index fetch(String base) {
        URI uri = URI.create(base + "/index.yaml");
        String host = uri.getAuthority();
        try {
            HttpResponse<InputStream> response = http.stream(uri, host);
            try (InputStream in = response.body()) {
                if (response.statusCode() != 200) {
                    return new Index(Map.of(), host + " answered " + response.statusCode() + " for " + uri.getPath());
                }
                return new Index(parse(new InputStreamReader(in, StandardCharsets.UTF_8)), null);
            }
        } catch (RegistryException e) {
            return new Index(Map.of(), e.getMessage());
        } catch (IOException | YAMLException e) {
            return new Index(Map.of(), host + " sent an index.yaml that could not be read");
        }
    }

    /** Streams the events of an index and keeps entries.chart[].version. */
    static Map<String, List<String>> parse(Reader reader) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(Integer.MAX_VALUE);
        ParserImpl parser = new ParserImpl(new StreamReader(reader), options);
        Map<String, List<String>> out = new HashMap<>();
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
                        if ("[]".equals(p.get(0)) && "entries".equals(p.get(2))) {
                            out.computeIfAbsent((String) p.get(1), k -> new ArrayList<>()).add(s.getValue());
                        }
                    }
                    expectingKey.pop();
                    expectingKey.push(true);
                }
            }
        }
        return out;
    }
}
