# Sourced by the benchmark scripts: a throwaway PostgreSQL cluster on a free loopback port (DESIGN.md §10).
# pg_start DIR [-c name=value …] creates DIR/data, starts the server (sets pgbin and pgport) and creates the database
# skoleskyss; pg_stop DIR stops it. free_port prints a free TCP port of 127.0.0.1.
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
as_pg() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }

pg_start() {
  local dir="$1"
  shift
  pgbin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
  pgport="$(free_port)"
  if [[ $(id -u) -eq 0 ]]; then chown postgres:postgres "$dir"; fi
  as_pg "$pgbin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
  as_pg "$pgbin/pg_ctl" -D "$dir/data" -l "$dir/pg.log" -w -o "-p $pgport -c listen_addresses=127.0.0.1 -c unix_socket_directories='' $*" start >/dev/null
  as_pg "$pgbin/createdb" -h 127.0.0.1 -p "$pgport" -U postgres skoleskyss
}

pg_stop() { [[ -n "${pgbin:-}" ]] || return 0; as_pg "$pgbin/pg_ctl" -D "$1/data" -m fast stop >/dev/null 2>&1 || true; }
