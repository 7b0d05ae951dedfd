#!/usr/bin/env bash
# P2 benchmark: webhook intake (wrk → verify → durable publish → 200) against Kafka's own ProducerPerformance on the
# same broker, same record size, acks=all. Prints a table and records the P2 row of ./nexus bench (under
# $NEXUS_BENCH_DIR, else webhook-gateway/target/bench); NEXUS_BENCH_QUICK=1 runs shorter phases. README.md keeps the figures.
# Load goes only to 127.0.0.1 and is bounded: wrk warm-up of 2-4 x 10 s, then 20 s + 5 s + 20 s; 220,000 baseline records.
#   webhook-gateway/bench/p2.sh            (from anywhere; needs a JDK >= 21 in JAVA_HOME)
set -euo pipefail
cd "$(dirname "$0")/../.."
webhook-gateway/bench/install-wrk.sh
export MAVEN_OPTS="${MAVEN_OPTS:--Xmx768m}"
# the gateway runs as its own process from the packaged app; the benchmark drives it
./mvnw -o -B -q -pl webhook-gateway -am package -DskipTests
# kafka-tools (ProducerPerformance) comes with the bench profile; without -o the first time, to download it
mkdir -p webhook-gateway/target/p2
./mvnw -B -q -pl webhook-gateway -am -Pbench test -Dtest=P2Benchmark -Dsurefire.failIfNoSpecifiedTests=false \
  ${MVN_OFFLINE:+-o} 2>&1 | tee webhook-gateway/target/p2/bench-p2.txt | grep -v "^\[INFO\]"
