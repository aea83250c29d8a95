package dev.marquee.server.reports;

import java.util.List;

/**
 * A table as CSV by RFC 4180: a header row, CRLF line ends, a field quoted when it holds a comma, a quote or a line
 * break, quotes doubled. A field that a spreadsheet would run as a formula (it begins with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return) is prefixed with {@code '}, so a hostile name, an event title or
 * an audit detail opens as text, never as a formula.
 */
final class Csv {

    private final StringBuilder text = new StringBuilder();

    Csv(List<String> header) {
        row(header);
    }

    Csv row(List<?> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            field(fields.get(i));
        }
        text.append("\r\n");
        return this;
    }

    private void field(Object value) {
        String raw = value == null ? "" : value.toString();
        String safe = formula(raw) ? "'" + raw : raw;
        if (safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0 || safe.indexOf('\r') >= 0) {
            text.append('"').append(safe.replace("\"", "\"\"")).append('"');
        } else {
            text.append(safe);
        }
    }

    static boolean formula(String field) {
        if (field.isEmpty()) {
            return false;
        }
        char first = field.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
