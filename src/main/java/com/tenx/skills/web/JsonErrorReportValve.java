package com.tenx.skills.web;

import java.io.IOException;
import com.tenx.skills.error.ErrorCode;
import java.util.List;
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
 * or {@code %ZZ}, a request that comes while the application stops), and writes their
 * access line, which no filter of the application saw.
 */
public class JsonErrorReportValve extends ErrorReportValve {

    private final ErrorResponses errors;

    private JsonErrorReportValve(ErrorResponses errors) {
        this.errors = errors;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        ErrorCode code = status >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.INVALID_REQUEST;
        try {
            if (response.getHeader(RequestIds.HEADER) == null) {
                response.setHeader(RequestIds.HEADER, RequestIds.idFor(request.getHeader(RequestIds.HEADER)));
            }
            errors.write(response, status, code, ErrorResponses.messageFor(code), List.of());
            response.finishResponse();
            AccessLog.writeForContainer(request, response,
                    (System.nanoTime() - request.getCoyoteRequest().getStartTimeNanos()) / 1_000_000.0);
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
    static void install(Context context, ErrorResponses errors) {
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
            host.getPipeline().addValve(new JsonErrorReportValve(errors));
        });
    }

}
