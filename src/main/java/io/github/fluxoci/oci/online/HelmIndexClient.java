package io.github.fluxoci.oci.online;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingEndEvent;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceEndEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

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

    /**
     * One version of a chart as the index lists it.
     *
     * @param digest  the sha256 of the chart archive ({@code digest}), as {@code sha256:<hex>}, or null when not listed
     * @param urls    where the archive is ({@code urls}), as written
     * @param sources the chart's source repositories ({@code sources})
     * @param home    the chart's home page ({@code home}), or null
     */
    public record Entry(
            String chart, String version, String digest, List<String> urls, List<String> sources, String home) {
        /** Every URL the entry names: archive, sources, home. */
        public List<String> links() {
            List<String> out = new ArrayList<>(urls);
            out.addAll(sources);
            if (home != null) {
                out.add(home);
            }
            return out;
        }
    }

    /** chart -> newest release and chart -> version -> entry among the wanted charts, or why the index could not be read. */
    public record Index(Map<String, Version> newest, Map<String, Map<String, Entry>> entries, String error) {
        public Optional<Version> newestStable(String chart) {
            return Optional.ofNullable(newest.get(chart));
        }

        /** The entry of an exact version ({@code 1.2.3} finds {@code v1.2.3} too), or empty. */
        public Optional<Entry> entry(String chart, String version) {
            Map<String, Entry> versions = entries.getOrDefault(chart, Map.of());
            Entry exact = versions.get(version);
            if (exact != null || version == null) {
                return Optional.ofNullable(exact);
            }
            Optional<Version> wanted = version(version);
            return wanted.flatMap(w -> versions.values().stream()
                    .filter(e ->
                            version(e.version()).map(v -> v.compareTo(w) == 0).orElse(false))
                    .findFirst());
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
            return new Index(Map.of(), Map.of(), "\"" + HostPolicy.safe(base) + "\" is not a repository URL");
        }
        String host = uri.getRawAuthority();
        Path file = null;
        try {
            file = Files.createTempFile("oci-helm-index", ".yaml");
            RegistryHttp.Answer<Path> response = http.download(uri, host, file);
            if (response.status() != 200) {
                return new Index(Map.of(), Map.of(), host + " answered " + response.status() + " for " + uri.getPath());
            }
            Map<String, Version> newest = new HashMap<>();
            Map<String, Map<String, Entry>> entries = new HashMap<>();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                parseEntries(in, charts, e -> {
                    if (e.version() == null) {
                        return;
                    }
                    entries.computeIfAbsent(e.chart(), c -> new HashMap<>()).putIfAbsent(e.version(), e);
                    version(e.version())
                            .filter(v -> !v.isPreRelease())
                            .filter(v -> !newest.containsKey(e.chart()) || v.compareTo(newest.get(e.chart())) > 0)
                            .ifPresent(v -> newest.put(e.chart(), v));
                });
            }
            return new Index(Map.copyOf(newest), Map.copyOf(entries), null);
        } catch (RegistryException e) {
            return new Index(Map.of(), Map.of(), e.getMessage());
        } catch (IOException | YAMLException e) {
            return new Index(Map.of(), Map.of(), host + " sent an index.yaml that could not be read");
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
        parseEntries(reader, null, e -> {
            if (e.version() != null) {
                out.computeIfAbsent(e.chart(), k -> new ArrayList<>()).add(e.version());
            }
        });
        return out;
    }

    /** One open mapping or sequence while the index streams by: what it sits under, and its next key. */
    private static final class Frame {
        final boolean mapping;
        final String name;
        String key;
        boolean expectingKey = true;
        Entry entry;
        List<String> urls;
        List<String> sources;

        Frame(boolean mapping, String name) {
            this.mapping = mapping;
            this.name = name;
        }
    }

    /**
     * Streams the events of an index and hands over each {@code entries.<chart>[]} entry of the wanted charts (all when
     * null): version, digest, urls, sources and home. Memory holds one entry at a time.
     */
    static void parseEntries(Reader reader, Set<String> charts, Consumer<Entry> sink) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(Integer.MAX_VALUE);
        ParserImpl parser = new ParserImpl(new StreamReader(reader), options);
        List<Frame> frames = new ArrayList<>(); // root mapping, entries mapping, chart sequence, entry mapping, ...
        while (parser.peekEvent() != null) {
            Event e = parser.getEvent();
            Frame top = frames.isEmpty() ? null : frames.get(frames.size() - 1);
            if (e instanceof MappingStartEvent || e instanceof SequenceStartEvent) {
                String name = top == null ? null : top.mapping ? top.key : "[]";
                if (top != null && top.mapping) {
                    top.expectingKey = true;
                }
                Frame frame = new Frame(e instanceof MappingStartEvent, name);
                frames.add(frame);
                if (frames.size() == 4
                        && frame.mapping
                        && "entries".equals(frames.get(1).name)
                        && frames.get(0).mapping
                        && (charts == null || charts.contains(frames.get(2).name))) {
                    frame.entry = new Entry(frames.get(2).name, null, null, List.of(), List.of(), null);
                    frame.urls = new ArrayList<>();
                    frame.sources = new ArrayList<>();
                }
            } else if (e instanceof MappingEndEvent || e instanceof SequenceEndEvent) {
                Frame done = frames.remove(frames.size() - 1);
                if (done.entry != null) {
                    Entry d = done.entry;
                    sink.accept(new Entry(
                            d.chart(),
                            d.version(),
                            d.digest(),
                            List.copyOf(done.urls),
                            List.copyOf(done.sources),
                            d.home()));
                }
            } else if (e instanceof AliasEvent && top != null && top.mapping) {
                top.expectingKey = !top.expectingKey;
            } else if (e instanceof ScalarEvent s && top != null) {
                scalar(frames, top, s.getValue());
            }
        }
    }

    /** A scalar: a key, a field of a wanted entry, or an item of its urls or sources. */
    private static void scalar(List<Frame> frames, Frame top, String v) {
        if (top.mapping && top.expectingKey) {
            top.key = v;
            top.expectingKey = false;
        } else if (top.mapping) {
            top.expectingKey = true;
            if (top.entry != null) {
                Entry d = top.entry;
                switch (top.key == null ? "" : top.key) {
                    case "version" -> top.entry = new Entry(d.chart(), v, d.digest(), d.urls(), d.sources(), d.home());
                    case "digest" ->
                        top.entry = new Entry(d.chart(), d.version(), digest(v), d.urls(), d.sources(), d.home());
                    case "home" -> top.entry = new Entry(d.chart(), d.version(), d.digest(), d.urls(), d.sources(), v);
                    default -> {
                        // other fields of the entry are not needed
                    }
                }
            }
        } else if (frames.size() == 5 && frames.get(3).entry != null) {
            // a list inside an entry: urls or sources
            Frame entry = frames.get(3);
            if ("urls".equals(top.name)) {
                entry.urls.add(v);
            } else if ("sources".equals(top.name)) {
                entry.sources.add(v);
            }
        }
    }

    /** An index digest ({@code <hex>}, as Helm writes it, or {@code sha256:<hex>}) as {@code sha256:<hex>}; null if absent or not a sha256. */
    static String digest(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim().toLowerCase(java.util.Locale.ROOT);
        String d = v.contains(":") ? v : "sha256:" + v;
        return d.matches("sha256:[0-9a-f]{64}") ? d : null;
    }
}
