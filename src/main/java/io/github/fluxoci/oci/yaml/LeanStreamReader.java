package io.github.fluxoci.oci.yaml;

import java.io.Reader;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * SnakeYAML's reader, with marks that keep their position (index, line, column) but not the reader's window of
 * code points: each of SnakeYAML's marks holds that window, so a parsed file kept four bytes per character alive
 * as long as any of its nodes (19 MB on the 2,000-app benchmark fleet). The window only served the snippet of a
 * parse error's message, which this engine does not print (it names the file, line and column).
 */
final class LeanStreamReader extends StreamReader {

    private static final int[] NO_WINDOW = new int[0];

    LeanStreamReader(Reader reader) {
        super(reader);
    }

    @Override
    public Mark getMark() {
        return new Mark("'reader'", getIndex(), getLine(), getColumn(), NO_WINDOW, 0);
    }
}
