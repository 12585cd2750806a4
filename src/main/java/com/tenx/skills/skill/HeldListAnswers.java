package com.tenx.skills.skill;

import com.tenx.skills.web.ApiErrors;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the answers of held list requests ({@link HeldList}) onto their responses, with
 * the headers and body Spring MVC would have written for the same {@link ResponseEntity}.
 * A change answers every request waiting at the same cursor with the same list, so the
 * last list's body is rendered once and reused.
 */
@Component
class HeldListAnswers {

    private static final Logger log = LoggerFactory.getLogger(HeldListAnswers.class);

    private final JsonMapper json;

    private final ApiErrors errors;

    private volatile Rendered last;

    HeldListAnswers(JsonMapper json, ApiErrors errors) {
        this.json = json;
        this.errors = errors;
    }

    private record Rendered(SkillList list, byte[] body) {
    }

    /** The JSON body of {@code list}, rendered once for all who are answered with it. */
    byte[] body(SkillList list) {
        Rendered rendered = last;
        if (rendered == null || rendered.list() != list) {
            rendered = new Rendered(list, json.writeValueAsBytes(list));
            last = rendered;
        }
        return rendered.body();
    }

    /** Writes {@code answer} with {@code body} (or none) and completes the request. */
    void write(AsyncContext context, ResponseEntity<?> answer, byte[] body) {
        try {
            HttpServletResponse response = (HttpServletResponse) context.getResponse();
            response.setStatus(answer.getStatusCode().value());
            answer.getHeaders().forEach((name, values) -> set(response, name, values));
            if (body != null) {
                response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                response.setContentLength(body.length);
                response.getOutputStream().write(body);
            }
            // On the wire now: completing the request is left to the container's threads,
            // which may be busy with the next calls of the clients already answered.
            response.flushBuffer();
        }
        catch (IOException | RuntimeException e) {
            log.debug("A held request could not be answered: {}", e.toString());
        }
        finally {
            complete(context);
        }
    }

    /** Writes the error answer for {@code failure} and completes the request. */
    void write(AsyncContext context, RuntimeException failure) {
        ResponseEntity<?> answer = errors.answerFor(failure);
        write(context, answer, json.writeValueAsBytes(answer.getBody()));
    }

    private static void set(HttpServletResponse response, String name, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i == 0) {
                response.setHeader(name, values.get(i));
            }
            else {
                response.addHeader(name, values.get(i));
            }
        }
    }

    private static void complete(AsyncContext context) {
        try {
            context.complete();
        }
        catch (IllegalStateException e) {
            log.debug("A held request was already complete: {}", e.getMessage());
        }
    }

}
