# Build: docker build -t whatsapp-assistant .
# Run:   docker run -p 3001:3001 -p 9090:9090 --env-file .env whatsapp-assistant
FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY routes routes
COPY src src
RUN ./mvnw -B -q -DskipTests package && cp target/whatsapp-assistant-*.jar /app.jar

FROM eclipse-temurin:21-jre
RUN useradd --system --uid 10001 assistant && mkdir /data && chown assistant /data
WORKDIR /data
COPY --from=build /app.jar /opt/assistant/app.jar
USER 10001
EXPOSE 3001 9090
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "-jar", "/opt/assistant/app.jar"]
