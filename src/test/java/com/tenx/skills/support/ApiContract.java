package com.tenx.skills.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks every exchange of the integration tests against the API description the server
 * serves at {@code /v3/api-docs}, so the description and the code cannot drift apart:
 * each response must be documented for its operation (status, headers, body schema). A
 * request is checked too when the server accepted it (2xx or 304): the description must
 * not forbid what the server takes. Requests the server refused are not checked, since
 * many tests send invalid input on purpose.
 * <p>
 * The document is fetched once per JVM, from the first server a test talks to.
 */
public final class ApiContract {

    /**
     * What lies outside the described API: operations endpoints, the description itself
     * and the page that shows it.
     */
    private static final List<String> OUTSIDE = List.of("/actuator", "/v3/api-docs", "/docs", "/swagger-ui");

    private static volatile OpenApiInteractionValidator validator;

    private ApiContract() {
    }

    /**
     * Throws an {@link AssertionError} naming every way the exchange breaks the
     * description.
     */
    static void check(String base, String method, String target, Map<String, String> headers, byte[] body,
            Reply reply) {
        String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
        if (OUTSIDE.stream().anyMatch(path::startsWith)) {
            return;
        }
        boolean accepted = reply.status() / 100 == 2 || reply.status() == 304;
        List<ValidationReport.Message> problems = validator(base)
            .validate(request(method, target, headers, body), response(reply))
            .getMessages()
            .stream()
            .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
            .filter(message -> accepted || !message.getKey().startsWith("validation.request"))
            .toList();
        if (!problems.isEmpty()) {
            throw new AssertionError("The exchange breaks the API description (/v3/api-docs):\n  " + method + " "
                    + target + " -> " + reply.status() + " " + abbreviate(reply.body()) + "\n"
                    + problems.stream().map(ApiContract::describe).collect(Collectors.joining("\n")));
        }
    }

    private static String describe(ValidationReport.Message message) {
        String nested = message.getNestedMessages()
            .stream()
            .map(ApiContract::describe)
            .map(text -> text.replace("\n", "\n    "))
            .collect(Collectors.joining());
        return "  - [" + message.getKey() + "] " + message.getMessage()
                + (nested.isEmpty() ? "" : "\n    " + nested.strip());
    }

    private static SimpleRequest request(String method, String target, Map<String, String> headers, byte[] body) {
        int query = target.indexOf('?');
        SimpleRequest.Builder request = new SimpleRequest.Builder(method,
                query < 0 ? target : target.substring(0, query));
        if (query >= 0) {
            for (String pair : target.substring(query + 1).split("&")) {
                if (!pair.isEmpty()) {
                    int eq = pair.indexOf('=');
                    request.withQueryParam(decode(eq < 0 ? pair : pair.substring(0, eq)),
                            eq < 0 ? "" : decode(pair.substring(eq + 1)));
                }
            }
        }
        headers.forEach(request::withHeader);
        if (body != null) {
            request.withBody(body);
        }
        return request.build();
    }

    private static SimpleResponse response(Reply reply) {
        SimpleResponse.Builder response = new SimpleResponse.Builder(reply.status());
        reply.headers().forEach(response::withHeader);
        if (reply.body() != null && !reply.body().isEmpty()) {
            response.withBody(reply.body());
        }
        return response.build();
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        }
        catch (IllegalArgumentException e) {
            return value;
        }
    }

    /** The start of a body for a failure message, with any access token blanked out. */
    private static String abbreviate(String body) {
        String shown = String.valueOf(body).replaceAll("\"accessToken\"\\s*:\\s*\"[^\"]*\"", "\"accessToken\":\"***\"");
        return shown.length() <= 300 ? shown : shown.substring(0, 300) + "...";
    }

    private static OpenApiInteractionValidator validator(String base) {
        OpenApiInteractionValidator current = validator;
        if (current == null) {
            synchronized (ApiContract.class) {
                current = validator;
                if (current == null) {
                    // Unknown properties are refused only where the description says so
                    // (additionalProperties: false on answers), not everywhere as the
                    // library would by default.
                    current = OpenApiInteractionValidator.createForInlineApiSpecification(served(base))
                        .withLevelResolver(LevelResolver.create()
                            .withLevel("validation.schema.additionalProperties", ValidationReport.Level.IGNORE)
                            .build())
                        .build();
                    validator = current;
                }
            }
        }
        return current;
    }

    /** The description as the server serves it. */
    public static String served(String base) {
        try {
            HttpResponse<String> response = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .build()
                .send(HttpRequest.newBuilder(URI.create(base + "/v3/api-docs")).timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new AssertionError("GET /v3/api-docs answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        }
        catch (IOException e) {
            throw new IllegalStateException("GET /v3/api-docs failed: " + e.getMessage(), e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

}
