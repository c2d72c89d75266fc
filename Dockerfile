# workshop-bot: build with Maven, run on a Temurin JRE as a non-root user.
# docker build -t workshop-bot . && docker run --env-file .env -p 8080:8080 workshop-bot

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -ntp -q dependency:go-offline
COPY src src
# The same Maven flags as .ci/run; the tests themselves run in CI, where Discord's API description is beside the repo.
RUN mvn -B -ntp -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin bot
WORKDIR /app
COPY --from=build /src/target/workshop-bot.jar /app/workshop-bot.jar
COPY content /app/content
COPY config /app/config
RUN mkdir -p /app/data && chown -R bot:bot /app/data
USER bot
VOLUME ["/app/content", "/app/config", "/app/data"]
# inside the container every interface is still private: compose publishes the port on the host's loopback only
ENV WORKSHOP_BOT_HTTP_PORT=8080 \
    WORKSHOP_BOT_HTTP_HOST=0.0.0.0 \
    WORKSHOP_BOT_STORAGE_URL=jdbc:sqlite:/app/data/workshop-bot.db \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -XX:+UseSerialGC -Xshare:auto"
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD curl -fsS http://127.0.0.1:8080/health || exit 1
STOPSIGNAL SIGTERM
CMD ["java", "-jar", "/app/workshop-bot.jar", "run"]
