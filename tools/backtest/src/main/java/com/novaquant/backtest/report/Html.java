package com.novaquant.backtest.report;

/** Text from the report placed in the HTML page, so a title or a symbol can never become markup or script. */
final class Html {

    private Html() {
    }

    /** For element text and quoted attribute values. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * JSON for the inside of a {@code <script>} element. The HTML parser ends a script at the first {@code </script}
     * and treats {@code <!--} specially, whatever the JSON means; outside strings JSON never has {@code <}, {@code >}
     * or {@code &}, so writing them as {@code \}{@code u} escapes keeps the same JSON and leaves the parser nothing
     * to see.
     */
    static String jsonForScript(String json) {
        return json.replace("<", "\\u003c")
                .replace(">", "\\u003e")
                .replace("&", "\\u0026")
                .replace("\u2028", "\\u2028")
                .replace("\u2029", "\\u2029");
    }
}
