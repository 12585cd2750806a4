package com.tenx.skills.support;

import org.springframework.boot.test.system.CapturedOutput;
import tools.jackson.databind.JsonNode;

/** The access lines a server under test writes to the captured output. */
public final class AccessLines {

    private AccessLines() {
    }

    /**
     * The access line of the request with {@code requestId}, waited for up to 5 s: it is
     * written just after the request is answered.
     */
    public static JsonNode of(CapturedOutput output, String requestId) {
        for (int attempt = 0; attempt < 500; attempt++) {
            var line = output.getOut()
                .lines()
                .filter(text -> text.contains(requestId) && text.contains("\"logger\":\"access\""))
                .findFirst();
            if (line.isPresent()) {
                return Json.parse(line.get());
            }
            try {
                Thread.sleep(10);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("no access line for " + requestId);
    }

}
