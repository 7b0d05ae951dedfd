#!/usr/bin/env bash
# A Docker daemon of this project's own for the containers backend, on a socket of its own, that never touches the
# machine's firewall (--iptables=false: published ports go through Docker's userland proxy) and keeps its data under
# $NEXUS_DOCKER_ROOT. Source it: it defines docker_daemon_start / docker_daemon_stop and exports DOCKER_HOST.
NEXUS_DOCKER_ROOT=${NEXUS_DOCKER_ROOT:-/var/tmp/nexus-docker}
export DOCKER_HOST="unix://$NEXUS_DOCKER_ROOT/docker.sock"

docker_daemon_start() {
  if ! command -v dockerd >/dev/null 2>&1; then
    echo "installing Docker's engine (Debian package docker.io)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q docker.io >/dev/null
  fi
  mkdir -p "$NEXUS_DOCKER_ROOT"
  dockerd --iptables=false --ip6tables=false --storage-driver=vfs \
    --data-root="$NEXUS_DOCKER_ROOT/data" --exec-root="$NEXUS_DOCKER_ROOT/exec" \
    --pidfile="$NEXUS_DOCKER_ROOT/dockerd.pid" -H "$DOCKER_HOST" >"$NEXUS_DOCKER_ROOT/dockerd.log" 2>&1 &
  for _ in $(seq 1 60); do
    docker info >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "the Docker daemon did not start; see $NEXUS_DOCKER_ROOT/dockerd.log" >&2
  return 1
}

docker_daemon_stop() {
  local ids
  ids=$(docker ps -aq 2>/dev/null || true)
  [ -n "$ids" ] && docker rm -f $ids >/dev/null 2>&1 || true
  if [ -f "$NEXUS_DOCKER_ROOT/dockerd.pid" ]; then
    local pid
    pid=$(cat "$NEXUS_DOCKER_ROOT/dockerd.pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  fi
}
