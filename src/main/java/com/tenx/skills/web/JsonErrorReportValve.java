package com.tenx.skills.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.Container;
import org.apache.catalina.Context;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's last-resort error page, in the contract's shape. It answers requests that
 * Tomcat refuses before they reach the application (a malformed URL such as {@code %00}
 * or {@code %ZZ}).
 */
public class JsonErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String body = status >= 500
                ? "{\"ok\":false,\"error\":\"internal_error\",\"message\":\"Something went wrong on our side.\"}"
                : "{\"ok\":false,\"error\":\"invalid_request\",\"message\":\"The request is malformed.\"}";
        try {
            response.resetBuffer();
            if (response.getHeader(RequestIds.HEADER) == null) {
                response.setHeader(RequestIds.HEADER, RequestIds.idFor(request.getHeader(RequestIds.HEADER)));
            }
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            response.setContentLength(bytes.length);
            OutputStream out = response.getOutputStream();
            out.write(bytes);
            response.finishResponse();
        }
        catch (IOException | IllegalStateException e) {
            // the client is gone or the response is already on its way: nothing more to
            // say
        }
    }

    /**
     * Replaces the host's HTML error report valve with this one when the application's
     * context starts.
     */
    static void install(Context context) {
        context.addLifecycleListener(event -> {
            if (!Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                return;
            }
            Container host = context.getParent();
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve && !(valve instanceof JsonErrorReportValve)) {
                    host.getPipeline().removeValve(valve);
                }
            }
            host.getPipeline().addValve(new JsonErrorReportValve());
        });
    }

}
