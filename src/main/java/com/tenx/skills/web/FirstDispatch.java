package com.tenx.skills.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The end of a request's first dispatch, for a response answered later from another
 * thread: until every filter has returned, one of them may still change the response, so
 * such an answer is written only after {@link RequestIds}, the outermost filter, has
 * returned.
 */
public final class FirstDispatch {

    private static final String ATTRIBUTE = FirstDispatch.class.getName();

    private FirstDispatch() {
    }

    /** Runs {@code task} once the request's first dispatch has left the filters. */
    public static void onEnd(HttpServletRequest request, Runnable task) {
        request.setAttribute(ATTRIBUTE, task);
    }

    static void ended(HttpServletRequest request) {
        if (request.getAttribute(ATTRIBUTE) instanceof Runnable task) {
            request.removeAttribute(ATTRIBUTE);
            task.run();
        }
    }

}
