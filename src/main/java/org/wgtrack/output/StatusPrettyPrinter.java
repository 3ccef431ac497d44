package org.wgtrack.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;

/**
 * jackson's {@link DefaultPrettyPrinter}, byte for byte (what the status document always used),
 * but the text it adds on every line, {@code " : "} and the comma, line feed and indentation
 * before a field, is encoded once and written in one piece: the default pushes those Strings
 * through the generator's character loop for every field of every peer, which is a good part of
 * the document's cost under C1. One instance per document (a pretty printer counts the nesting).
 */
final class StatusPrettyPrinter extends DefaultPrettyPrinter {

    private static final SerializableString FIELD_VALUE_SEPARATOR = new SerializedString(" : ");
    private static final Indentation INDENTATION = new Indentation();

    StatusPrettyPrinter() {
        indentObjectsWith(INDENTATION);
    }

    @Override
    public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
        g.writeRaw(FIELD_VALUE_SEPARATOR);
    }

    /** The default's {@code ","} and then the indentation, as one write. */
    @Override
    public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
        g.writeRaw(INDENTATION.afterComma(_nesting));
    }

    @Override
    public DefaultPrettyPrinter createInstance() {
        return new StatusPrettyPrinter();
    }

    /** {@link DefaultIndenter}'s output: its line feed, then two spaces per level. */
    private static final class Indentation extends DefaultPrettyPrinter.NopIndenter {
        private static final int LEVELS = 8;
        private final SerializableString[] lines = new SerializableString[LEVELS];
        private final SerializableString[] afterCommas = new SerializableString[LEVELS];

        Indentation() {
            for (int level = 0; level < LEVELS; level++) {
                lines[level] = new SerializedString(line(level));
                afterCommas[level] = new SerializedString("," + line(level));
            }
        }

        private static String line(int level) {
            return DefaultIndenter.SYS_LF + "  ".repeat(level);
        }

        @Override
        public void writeIndentation(JsonGenerator g, int level) throws IOException {
            g.writeRaw(level < LEVELS ? lines[level] : new SerializedString(line(level)));
        }

        /** A comma and then what {@link #writeIndentation} writes. */
        SerializableString afterComma(int level) {
            return level < LEVELS ? afterCommas[level] : new SerializedString("," + line(level));
        }

        @Override
        public boolean isInline() {
            return false;
        }
    }
}
