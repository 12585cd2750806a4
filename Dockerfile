# Build stage: compile and package the jar with the Maven wrapper.
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
# -Paot: the application context is also processed ahead of time (run with spring.aot.enabled).
RUN ./mvnw -B -q -Paot package -DskipTests \
    && cp target/skills-control-plane-*.jar target/app.jar \
    && java -Djarmode=tools -jar target/app.jar extract --destination /app

# Run stage: JRE only, unprivileged user, an AOT cache (JDK 25) for a fast start.
FROM eclipse-temurin:25-jre
RUN groupadd --system skills && useradd --system --gid skills --home /app skills \
    && apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
WORKDIR /app
# JVM sized for the container; the same options at training and at run time.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
# The extracted form (app.jar plus lib/): the AOT cache can only hold classes loaded from jars.
COPY --from=build /app/lib/ ./lib/
COPY --from=build /app/app.jar ./app.jar
# Train the AOT cache once at build time: the application starts, refreshes and exits. Measured
# on 2 cores: about 2.6 s from start to ready with both, 8 s for the plain jar.
RUN java -XX:AOTCacheOutput=app.aot -Dspring.aot.enabled=true -Dspring.context.exit=onRefresh \
        -Dspring.datasource.url=jdbc:h2:mem:train -Dskills.data-dir=/tmp/train -jar app.jar \
    && rm -rf /tmp/train
RUN mkdir -p /app/data && chown -R skills:skills /app
USER skills
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
    CMD curl -fsS http://127.0.0.1:8080/actuator/health/readiness || exit 1
ENTRYPOINT ["java", "-XX:AOTCache=app.aot", "-Dspring.aot.enabled=true", "-jar", "app.jar"]
