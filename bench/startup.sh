#!/usr/bin/env bash
# Start-up time to "serving" and idle RSS of the real jar, against the test suite's fake Discord on 127.0.0.1.
# usage: bench/startup.sh [runs]      (default 5; prints every run, then the median of each flag set)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
mvn -B -q -DskipTests package test-compile
mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test >/dev/null
work=$(mktemp -d)
java -cp "target/test-classes:target/classes:$(cat target/test.classpath)" \
  dev.workshopbot.discord.fake.FakeDiscordMain > "$work/fake.env" 2> "$work/fake.err" &
fake=$!
trap 'kill $fake 2>/dev/null; rm -rf "$work"' EXIT
until grep -q GUILDIDS "$work/fake.env" 2>/dev/null; do sleep 0.1; done
set -a; . "$work/fake.env"; set +a
export WORKSHOP_BOT_HTTP_PORT=18089 WORKSHOP_BOT_STORAGE_URL="jdbc:sqlite:$work/state.db"

measure() {  # label, flags...
  local label=$1; shift
  local start end pid rss
  start=$(date +%s%N)
  java "$@" -jar target/workshop-bot.jar run > "$work/run.log" 2>&1 & pid=$!
  until curl -fs "http://127.0.0.1:$WORKSHOP_BOT_HTTP_PORT/health" >/dev/null 2>&1; do sleep 0.02; done
  end=$(date +%s%N)
  sleep 2
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  kill -TERM "$pid"; wait "$pid"
  echo "$label $(( (end - start) / 1000000 )) $rss"
}

measure archive -XX:ArchiveClassesAtExit="$work/app.jsa" > /dev/null
for _ in $(seq "$runs"); do
  measure default
  measure cds -XX:SharedArchiveFile="$work/app.jsa"
  measure cds+serial+256m+c1 -XX:SharedArchiveFile="$work/app.jsa" -XX:+UseSerialGC -Xmx256m -XX:TieredStopAtLevel=1
done | tee "$work/runs.txt"
echo "flags median_ms_to_serving median_rss_idle_kb"
for label in default cds cds+serial+256m+c1; do
  ms=$(awk -v l="$label" '$1 == l {print $2}' "$work/runs.txt" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  kb=$(awk -v l="$label" '$1 == l {print $3}' "$work/runs.txt" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  echo "$label $ms $kb"
done
