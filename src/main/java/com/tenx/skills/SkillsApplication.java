package com.tenx.skills;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication(
        excludeName = "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration")
public class SkillsApplication {

    public static void main(String[] args) {
        SpringApplication.run(SkillsApplication.class, args);
    }

}
