#!/usr/bin/env bash
# Builds local stand-ins for the official images the containers backend starts, for a machine that cannot pull them:
#   apache/kafka:<project Kafka version>  Debian trixie + JRE 21 + the broker's jars from Maven + /etc/kafka/docker/run
#   postgres:17                           Debian trixie + Debian's PostgreSQL 17 + an entry point like the official one
# Needs root (debootstrap), the network to deb.debian.org, and DOCKER_HOST pointing at a daemon (docker-daemon.sh).
# Teams that can pull images do not need this: Testcontainers pulls the official images itself.
#
# One root file system holds both (the daemon here runs the vfs storage driver, which copies a whole layer per build
# step): it is imported once, and each image is one commit of it with its own entry point and settings.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=${NEXUS_STANDIN_WORK:-/var/tmp/nexus-standin}
kafka_version=$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$root/pom.xml" | head -1)
: "${kafka_version:?cannot read kafka.version from the root pom}"
base="nexus-standin/base:trixie-kafka-$kafka_version"
mkdir -p "$work"

if ! docker image inspect "$base" >/dev/null 2>&1; then
  if [ ! -x "$work/rootfs/usr/bin/java" ]; then
    command -v debootstrap >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -q debootstrap >/dev/null
    rm -rf "$work/rootfs"
    echo "debootstrap: Debian trixie with bash, a JRE 21 and PostgreSQL 17 into $work/rootfs"
    debootstrap --variant=minbase --include=bash,openjdk-21-jre-headless,postgresql-17,procps \
      trixie "$work/rootfs" http://deb.debian.org/debian >"$work/debootstrap.log"
  fi
  echo "the broker's jars at Kafka $kafka_version, the two entry points"
  rm -rf "$work/rootfs/opt/kafka" && mkdir -p "$work/rootfs/opt/kafka/config" "$work/rootfs/etc/kafka/docker"
  "$root/mvnw" -B -q ${MVN_OFFLINE:+-o} -f "$here/kafka/pom.xml" dependency:copy-dependencies \
    -DincludeScope=runtime -DoutputDirectory="$work/rootfs/opt/kafka/libs"
  install -m 0755 "$here/kafka/run" "$work/rootfs/etc/kafka/docker/run"
  install -m 0644 "$here/kafka/log4j2.yaml" "$work/rootfs/opt/kafka/config/log4j2.yaml"
  install -m 0755 "$here/postgres/docker-entrypoint.sh" "$work/rootfs/usr/local/bin/docker-entrypoint.sh"
  echo "importing $base"
  tar -C "$work/rootfs" --exclude=./proc --exclude=./sys --exclude=./dev --exclude=./var/cache/apt/archives -c . \
    | docker import --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' - "$base" >/dev/null
fi

commit() { # image, then --change arguments
  local image=$1 container
  shift
  container=$(docker create "$base" true)
  docker commit "$@" "$container" "$image" >/dev/null
  docker rm "$container" >/dev/null
  echo "built $image"
}
commit "apache/kafka:$kafka_version" --change 'EXPOSE 9092' --change 'CMD ["/etc/kafka/docker/run"]'
commit postgres:17 \
  --change 'ENV PATH=/usr/lib/postgresql/17/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --change 'ENV PGDATA=/var/lib/postgresql/data' --change 'EXPOSE 5432' \
  --change 'ENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"]' --change 'CMD ["postgres"]'
