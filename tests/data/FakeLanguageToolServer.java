// A stand-in for LanguageTool's server class, for testing garblint's "local" mode through
// language-tool-python without downloading LanguageTool. Compiled by the tests into a
// languagetool-server.jar as org.languagetool.server.HTTPServer; started as the real one is:
//   java -cp languagetool-server.jar org.languagetool.server.HTTPServer -p PORT
// It flags every "teh" (offsets are Java String indices, i.e. UTF-16 code units, as in
// LanguageTool) and answers /v2/healthcheck, /v2/languages and /v2/check.
package org.languagetool.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

public class HTTPServer {
  public static void main(String[] args) throws IOException {
    int port = 8081;
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals("-p") || args[i].equals("--port")) port = Integer.parseInt(args[i + 1]);
    }
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    server.createContext("/v2/healthcheck", ex -> send(ex, 200, "OK", "text/plain"));
    server.createContext("/v2/languages", ex -> send(ex, 200,
        "[{\"name\":\"English (US)\",\"code\":\"en\",\"longCode\":\"en-US\"}]", "application/json"));
    server.createContext("/v2/check", HTTPServer::check);
    server.start();
  }

  static void check(HttpExchange ex) throws IOException {
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String query = ex.getRequestURI().getRawQuery();
    Map<String, String> form = parse(query == null ? body : query + "&" + body);
    String text = form.getOrDefault("text", "");
    StringBuilder out = new StringBuilder();
    out.append("{\"software\":{\"name\":\"LanguageTool\",\"version\":\"0.0-javafake\",\"buildDate\":\"\",\"apiVersion\":1},");
    out.append("\"language\":{\"name\":\"English (US)\",\"code\":\"en-US\"},\"matches\":[");
    int from = 0;
    boolean first = true;
    while ((from = text.indexOf("teh", from)) >= 0) {
      if (!first) out.append(',');
      first = false;
      out.append("{\"message\":\"Possible spelling mistake found.\",\"shortMessage\":\"Spelling mistake\",")
         .append("\"replacements\":[{\"value\":\"the\"}],\"offset\":").append(from).append(",\"length\":3,")
         .append("\"rule\":{\"id\":\"MORFOLOGIK_RULE_EN_US\",\"description\":\"Possible spelling mistake\",")
         .append("\"issueType\":\"misspelling\",\"category\":{\"id\":\"TYPOS\",\"name\":\"Possible Typo\"}}}");
      from += 3;
    }
    out.append("]}");
    send(ex, 200, out.toString(), "application/json");
  }

  static Map<String, String> parse(String raw) {
    Map<String, String> form = new HashMap<>();
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) continue;
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      form.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
    }
    return form;
  }

  static void send(HttpExchange ex, int status, String body, String type) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream os = ex.getResponseBody()) {
      os.write(bytes);
    }
  }
}
