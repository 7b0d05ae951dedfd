#!/usr/bin/env bash
# Builds local stand-ins for the official images the containers backend starts, for a machine that cannot pull them:
#   apache/kafka:<project Kafka version>  Debian trixie + JRE 21 + the broker's jars from Maven + /etc/kafka/docker/run
#   postgres:17                           Debian trixie + Debian's PostgreSQL 17 + an entry point like the official one
# Needs root (debootstrap), the network to deb.debian.org, and DOCKER_HOST pointing at a daemon (docker-daemon.sh).
# Teams that can pull images do not need this: Testcontainers pulls the official images itself.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=${NEXUS_STANDIN_WORK:-/var/tmp/nexus-standin}
kafka_version=$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$root/pom.xml" | head -1)
: "${kafka_version:?cannot read kafka.version from the root pom}"
mkdir -p "$work"

if ! docker image inspect nexus-standin/base:trixie >/dev/null 2>&1; then
  if [ ! -x "$work/rootfs/usr/bin/java" ]; then
    command -v debootstrap >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -q debootstrap >/dev/null
    rm -rf "$work/rootfs"
    echo "debootstrap: Debian trixie with bash, a JRE 21 and PostgreSQL 17 into $work/rootfs"
    debootstrap --variant=minbase --include=bash,openjdk-21-jre-headless,postgresql-17,procps \
      trixie "$work/rootfs" http://deb.debian.org/debian >"$work/debootstrap.log"
  fi
  tar -C "$work/rootfs" --exclude=./proc --exclude=./sys --exclude=./dev -c . \
    | docker import --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' - nexus-standin/base:trixie
fi

echo "apache/kafka:$kafka_version from the project's Kafka $kafka_version jars"
rm -rf "$work/kafka" && mkdir -p "$work/kafka" && cp -r "$here/kafka/." "$work/kafka/"
"$root/mvnw" -B -q ${MVN_OFFLINE:+-o} -f "$here/kafka/pom.xml" dependency:copy-dependencies \
  -DincludeScope=runtime -DoutputDirectory="$work/kafka/libs"
docker build -q -t "apache/kafka:$kafka_version" "$work/kafka"

echo "postgres:17 from Debian's PostgreSQL 17"
docker build -q -t postgres:17 "$here/postgres"
docker images --format '{{.Repository}}:{{.Tag}} {{.Size}}' | grep -E "^(apache/kafka|postgres|nexus-standin)"
