package bench.floor;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The floor the benchmark compares every route with: Spring Boot's webmvc starter, its
 * defaults, and one route answering constant JSON through Jackson.
 */
@SpringBootApplication
@RestController
public class FloorApplication {

    private static final Map<String, String> UP = Map.of("status", "UP");

    public static void main(String[] args) {
        SpringApplication.run(FloorApplication.class, args);
    }

    @GetMapping("/floor")
    Map<String, String> floor() {
        return UP;
    }

}
