package com.tenx.skills.web;

import com.tenx.skills.error.ErrorCode;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The servlet container's error page, answering in the contract's shape for failures that
 * never reached a controller (rejected URLs, errors raised inside filters).
 */
@Controller
public class JsonErrorPage implements ErrorController {

    private final ErrorResponses errors;

    public JsonErrorPage(ErrorResponses errors) {
        this.errors = errors;
    }

    @RequestMapping("${server.error.path:/error}")
    public void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // Asked for directly, the error page is just a route that does not exist.
        Object status = request.getDispatcherType() == DispatcherType.ERROR
                ? request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) : Integer.valueOf(404);
        int code = status instanceof Integer value ? value : 500;
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure
                && DatabaseOutage.causedBy(failure)) {
            code = 503;
        }
        ErrorCode error = ErrorResponses.codeFor(code);
        errors.write(response, error, ErrorResponses.messageFor(error));
    }

}
