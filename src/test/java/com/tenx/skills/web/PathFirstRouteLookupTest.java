package com.tenx.skills.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * The path-first lookup finds what Spring MVC's own lookup finds, for every path and
 * method: the same handler with the same path variables, or the same refusal.
 */
class PathFirstRouteLookupTest {

    private final RequestMappingHandlerMapping spring = started(new RequestMappingHandlerMapping());

    private final RequestMappingHandlerMapping pathFirst = started(new PathFirstRouteLookup());

    @Test
    void findsWhatSpringFinds() throws Exception {
        List<String[]> requests = List.of(new String[] { "GET", "/v2/handles/acme/skills" },
                new String[] { "GET", "/v2/public/handles/acme/skills" },
                new String[] { "GET", "/v2/handles/acme/skills/one" },
                new String[] { "PUT", "/v2/handles/acme/skills/one" },
                new String[] { "POST", "/v2/handles/acme/skills/one" },
                new String[] { "GET", "/v2/handles/acme/skills/" }, new String[] { "GET", "/v2/handles/acme" },
                new String[] { "GET", "/v2/hand%6Ces/acme/skills" },
                new String[] { "GET", "/v2/handles/ac%2Fme/skills/one" },
                new String[] { "GET", "/v2/handles;x=1/acme/skills" }, new String[] { "POST", "/v2/auth/login" },
                new String[] { "GET", "/v2/auth/login" }, new String[] { "GET", "/v2/auth/login/" },
                new String[] { "GET", "/anything/at/all" }, new String[] { "GET", "/docs/a/b" },
                new String[] { "GET", "/" }, new String[] { "GET", "" },
                new String[] { "GET", "/V2/handles/acme/skills" },
                new String[] { "GET", "/v2/handles/acme/skills?since=abc" },
                new String[] { "GET", "/v2/handles/acme/skills?limit=5" },
                new String[] { "GET", "/v2/handles/acme/skills/one?since=abc" },
                new String[] { "HEAD", "/v2/handles/acme/skills" },
                new String[] { "OPTIONS", "/v2/handles/acme/skills" });
        for (String[] request : requests) {
            assertThat(outcome(this.pathFirst, request)).as(request[0] + " " + request[1])
                .isEqualTo(outcome(this.spring, request));
        }
        assertThat(outcome(this.pathFirst, new String[] { "GET", "/v2/handles/acme/skills/one" }))
            .isEqualTo("one {handle=acme, skillKey=one}");
        assertThat(outcome(this.pathFirst, new String[] { "POST", "/v2/handles/acme/skills/one" }))
            .isEqualTo("HttpRequestMethodNotSupportedException");
        assertThat(outcome(this.pathFirst, new String[] { "GET", "/anything/at/all" })).isEqualTo("no handler");
        assertThat(outcome(this.pathFirst, new String[] { "GET", "/v2/handles/acme/skills?since=abc" }))
            .isEqualTo("sync {handle=acme}");
        assertThat(outcome(this.pathFirst, new String[] { "GET", "/v2/handles/ac%6De/skills/one" }))
            .isEqualTo("one {handle=acme, skillKey=one}");
    }

    private static String outcome(HandlerMapping mapping, String[] request) {
        String[] pathAndQuery = request[1].split("\\?", 2);
        MockHttpServletRequest http = new MockHttpServletRequest(request[0], pathAndQuery[0]);
        if (pathAndQuery.length > 1) {
            String[] parameter = pathAndQuery[1].split("=", 2);
            http.setQueryString(pathAndQuery[1]);
            http.addParameter(parameter[0], parameter[1]);
        }
        ServletRequestPathUtils.parseAndCache(http);
        try {
            HandlerExecutionChain chain = mapping.getHandler(http);
            if (chain == null) {
                return "no handler";
            }
            return ((HandlerMethod) chain.getHandler()).getMethod().getName() + " "
                    + http.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        }
        catch (Exception e) {
            return e.getClass().getSimpleName();
        }
    }

    private static RequestMappingHandlerMapping started(RequestMappingHandlerMapping mapping) {
        StaticApplicationContext context = new StaticApplicationContext();
        context.registerSingleton("skills", Skills.class);
        context.registerSingleton("login", Login.class);
        context.refresh();
        mapping.setApplicationContext(context);
        mapping.afterPropertiesSet();
        return mapping;
    }

    @RestController
    @RequestMapping({ "/v2/handles/{handle}/skills", "/v2/public/handles/{handle}/skills" })
    static class Skills {

        @GetMapping(params = { "!since", "!limit" })
        String list() {
            return "";
        }

        @GetMapping(params = "since")
        String sync() {
            return "";
        }

        @GetMapping("/{skillKey}")
        String one() {
            return "";
        }

        @PutMapping("/{skillKey}")
        String put() {
            return "";
        }

    }

    @RestController
    static class Login {

        @PostMapping("/v2/auth/login")
        String login() {
            return "";
        }

        @GetMapping("/docs/**")
        String fallback() {
            return "";
        }

    }

}
