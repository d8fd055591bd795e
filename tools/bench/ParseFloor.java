import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Node;

/** The floor a cold goal is compared with: a bare JVM that walks a tree and composes every YAML file once. */
public final class ParseFloor {
    public static void main(String[] args) throws IOException {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true);
        options.setCodePointLimit(Integer.MAX_VALUE);
        Yaml yaml = new Yaml(options);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of(args[0]))) {
            files = walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/.git/"))
                    .toList();
        }
        long nodes = 0;
        for (Path f : files) {
            try {
                for (Node n : yaml.composeAll(new StringReader(Files.readString(f, StandardCharsets.UTF_8)))) {
                    nodes += n == null ? 0 : 1;
                }
            } catch (RuntimeException | IOException e) {
                // a file that is not YAML costs what reading it cost
            }
        }
        System.out.println(files.size() + " files, " + nodes + " documents");
    }
}
