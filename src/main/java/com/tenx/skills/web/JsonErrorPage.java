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
        ErrorCode error = switch (code) {
            case 400 -> ErrorCode.INVALID_REQUEST;
            case 401 -> ErrorCode.INVALID_TOKEN;
            case 403 -> ErrorCode.INSUFFICIENT_ROLE;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 406 -> ErrorCode.NOT_ACCEPTABLE;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case 503 -> ErrorCode.SERVICE_UNAVAILABLE;
            default -> code >= 400 && code < 500 ? ErrorCode.INVALID_REQUEST : ErrorCode.INTERNAL_ERROR;
        };
        String message = switch (error) {
            case NOT_FOUND -> "No such route.";
            case INTERNAL_ERROR -> "Something went wrong on our side.";
            case SERVICE_UNAVAILABLE -> DatabaseOutage.MESSAGE;
            case INVALID_REQUEST -> "The request is malformed.";
            default -> "The request could not be served.";
        };
        errors.write(response, error, message);
    }

}
