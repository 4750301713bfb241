# The service's image: the Spring Boot jar split into layers, run by Java 25 as a non-root user with an AOT
# cache from a training run, so that a new pod is healthy in 2.4 - 3.1 s instead of 5.5 - 6.5 s on two
# cores (README, Performance).
#   docker build -t whatsapp-assistant:0.1.0 .
#   docker run -p 3001:3001 -p 9090:9090 --env-file .env whatsapp-assistant:0.1.0
# The property MCP server runs from the same image with another main class (k8s/base/property-mcp-server.yaml).

# 1. The jar, built with the same Maven wrapper as CI (the code targets Java 21; 25 builds and runs it). The
# build also writes the Spring context's bean definitions ahead of time (process-aot), which the service
# starts on (AssistantApplication).
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY routes routes
COPY src src
RUN ./mvnw -B -q -DskipTests package \
 && cp target/whatsapp-assistant-*.jar /app.jar \
 && java -Djarmode=tools -jar /app.jar extract --layers --destination /extracted

# 2. The runtime: the layers from the least to the most often changed, so that a code change ships one
# small layer; the libraries (lib/) stay cached.
FROM eclipse-temurin:25-jre
RUN useradd --system --uid 10001 --user-group --home-dir /data --shell /usr/sbin/nologin assistant \
 && mkdir /data && chown 10001:10001 /data
WORKDIR /application
COPY --from=build /extracted/dependencies/ ./
COPY --from=build /extracted/spring-boot-loader/ ./
COPY --from=build /extracted/snapshot-dependencies/ ./
COPY --from=build /extracted/application/ ./
# the JVM options, sized for the work rather than the host: the same file spring-boot:run and the benchmarks read
COPY jvm.options ./

# 3. The AOT cache (JDK 25): a training run starts the service on an in-memory database, posts 300 signed
# guest questions to its own webhook, lets the whole pipeline answer them (into the sandbox outbox: no access
# token) and exits (assistant.aot-training.callbacks, ops/AotTraining). app.aot then holds the classes of
# startup and of a callback's whole path, loaded and linked. Without their method profiles (-AOTRecordTraining):
# with C1 only (jvm.options) nothing reads them, and they cost 5 MB of cache, resident. It only applies to the
# same jar path and the same garbage collector, so the entrypoint below uses both as they are here.
RUN DATABASE_URL='jdbc:h2:mem:training;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH' \
    WHATSAPP_APP_SECRET=aot-training \
    java -XX:AOTCacheOutput=/application/app.aot @/application/jvm.options -Dassistant.aot-training.callbacks=300 \
         -XX:+UnlockDiagnosticVMOptions -XX:-AOTRecordTraining -jar /application/app.jar > /dev/null

USER 10001:10001
# the working directory: the embedded H2 file database goes to /data/data when DATABASE_URL is unset
WORKDIR /data
# the public port (WEBHOOK_PORT) and the operators' port (MANAGEMENT_PORT)
EXPOSE 3001 9090
# The heap is sized for the work (jvm.options: 128 MiB with G1, about 300 MiB resident under
# full load), not from the host or the container's limit (k8s/base/assistant.yaml allows 512 MiB); glibc
# keeps two malloc arenas instead of one per core's worth of threads.
# The JVM's own warnings go to standard error and only errors at that, so that standard output carries
# nothing but the service's log lines (one JSON object each in production).
ENV MALLOC_ARENA_MAX=2
ENTRYPOINT ["java", "-XX:AOTCache=/application/app.aot", "@/application/jvm.options", \
            "-Xlog:disable", "-Xlog:all=error:stderr", \
            "-jar", "/application/app.jar"]
