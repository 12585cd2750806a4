# The server's image: built from a clean clone with `docker build .` (or `podman build --format
# docker .`). The base images are build arguments, so the same file builds on other bases of the
# same kind (deploy/container-check passes local ones made from Debian's packages):
#   JDK_IMAGE  a JDK 25 (java and javac on PATH) with bash, tar and gzip
#   JRE_IMAGE  a Java 25 runtime (java on PATH) with bash, groupadd and useradd; nothing is
#              installed into it, so it needs no package manager and no network
ARG JDK_IMAGE=eclipse-temurin:25.0.3_9-jdk
ARG JRE_IMAGE=eclipse-temurin:25.0.3_9-jre

# Build stage: compile and package the jar with the Maven wrapper.
FROM ${JDK_IMAGE} AS build
WORKDIR /src
# The dependencies first, in a layer of their own that only pom.xml and the wrapper invalidate.
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
# Then the rest of the repository (.dockerignore keeps out what the build does not read; the
# formatter's .springjavaformatconfig must come along, the validate phase checks the sources).
COPY . .
# -Paot: the application context is also processed ahead of time (run with spring.aot.enabled).
# The tests are not compiled here (maven.test.skip): ./mvnw -B verify runs them before an image.
RUN ./mvnw -B -q -Paot package -Dmaven.test.skip=true \
    && cp target/skills-control-plane-*.jar target/app.jar \
    && java -Djarmode=tools -jar target/app.jar extract --destination /app

# Run stage: Java runtime only, unprivileged user, an AOT cache (JDK 25) for a fast start.
FROM ${JRE_IMAGE}
RUN groupadd --system --gid 10001 skills \
    && useradd --system --uid 10001 --gid skills --home-dir /app --no-create-home \
        --shell /usr/sbin/nologin skills
WORKDIR /app
# API port and management port (every actuator endpoint; the API port serves only the probes).
ENV SERVER_PORT=8080 \
    MANAGEMENT_SERVER_PORT=8081
# The extracted form (app.jar plus lib/): the AOT cache can only hold classes loaded from jars.
# The files belong to root and are read-only for the server; only /app/data is writable.
COPY --from=build /app/lib/ ./lib/
COPY --from=build /app/app.jar ./app.jar
# Train the AOT cache once at build time: the application starts, refreshes and exits (before
# any port is opened). The JVM options are those of the ENTRYPOINT: a cache is used only by a JVM
# started like the one that trained it. Measured on 2 cores: about 2.6 s from start to ready with
# both, 8 s for the plain jar.
RUN java -XX:+UseG1GC -XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -XX:AOTCacheOutput=app.aot \
        -Dspring.aot.enabled=true -Dspring.context.exit=onRefresh \
        -Dspring.datasource.url=jdbc:h2:mem:train -Dskills.data-dir=/tmp/train -jar app.jar \
    && test -s app.aot \
    && rm -rf /tmp/train \
    && mkdir -p /app/data && chown skills:skills /app/data
USER 10001:10001
EXPOSE 8080 8081
# Readiness on the management port, with bash alone (no curl in the image): 200 means ready;
# the server answers 503 while starting, while its database is unreachable and while it drains.
HEALTHCHECK --interval=5s --timeout=3s --start-period=30s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${MANAGEMENT_SERVER_PORT:-8081} && printf 'GET /actuator/health/readiness HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n' >&3 && read -r -t 3 _ status _ <&3 && [ \"$status\" = 200 ]"]
# G1 always: under 1,792 MB of memory (compose and the manifests give 1 GB) the JVM would pick the
# Serial collector, whose full collections stopped every request for 160-300 ms every 15-20 s
# under bench/push.sh. The heap follows the container's memory limit; an OutOfMemoryError ends
# the process so the orchestrator restarts it. JAVA_TOOL_OPTIONS can add options; options that
# differ from the training run's may keep the JVM from using the AOT cache (it then starts as
# fast as a plain jar).
ENTRYPOINT ["java", "-XX:+UseG1GC", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-XX:AOTCache=app.aot", \
    "-Dspring.aot.enabled=true", "-jar", "app.jar"]
