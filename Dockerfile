# Build stage: compile and package the jar with the Maven wrapper.
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
RUN ./mvnw -B -q package -DskipTests \
    && java -Djarmode=tools -jar target/skills-control-plane-*.jar extract --layers --launcher --destination /app

# Run stage: JRE only, unprivileged user, class-data sharing archive for a fast start.
FROM eclipse-temurin:25-jre
RUN groupadd --system skills && useradd --system --gid skills --home /app skills \
    && apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app/dependencies/ ./
COPY --from=build /app/spring-boot-loader/ ./
COPY --from=build /app/snapshot-dependencies/ ./
COPY --from=build /app/application/ ./
# Train the AOT cache once at build time (the application starts and exits after refresh).
RUN java -XX:AOTCacheOutput=app.aot -Dspring.context.exit=onRefresh \
        -Dspring.datasource.url=jdbc:h2:mem:train -Dskills.data-dir=/tmp/train \
        org.springframework.boot.loader.launch.JarLauncher || true
RUN mkdir -p /app/data && chown -R skills:skills /app
USER skills
EXPOSE 8080
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
    CMD curl -fsS http://127.0.0.1:8080/actuator/health/readiness || exit 1
ENTRYPOINT ["sh", "-c", "if [ -f app.aot ]; then exec java -XX:AOTCache=app.aot org.springframework.boot.loader.launch.JarLauncher; else exec java org.springframework.boot.loader.launch.JarLauncher; fi"]
